import type { Address, Hex } from 'viem'
import { loadSafeSingletonFactory } from './loadSafeSingletonFactory.ts'

/**
 * The factory as a genesis predeploy, in the shape `@chainops/clique`'s `buildGenesis` takes in
 * `predeploys` (name, address, runtime code, source). For a genesis built another way, put
 * `{ balance: '0x0', nonce: '0x1', code }` under `alloc[address]`: nonce 1 is what a contract
 * created by CREATE has (EIP-161), as on every chain where the factory was deployed.
 */
export async function safeSingletonFactoryPredeploy(): Promise<{
  name: string
  address: Address
  code: Hex
  source: string
}> {
  const factory = await loadSafeSingletonFactory()
  return { name: 'safe-singleton-factory', address: factory.address, code: factory.runtimeCode, source: factory.source }
}
