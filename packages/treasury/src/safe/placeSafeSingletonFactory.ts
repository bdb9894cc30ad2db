import type { Address, TestClient } from 'viem'
import { loadSafeSingletonFactory } from './loadSafeSingletonFactory.ts'

export type PlaceSafeSingletonFactoryParameters = {
  /** A Hardhat (or Anvil) test client: `hardhat_setCode` and `hardhat_setNonce` are used. */
  testClient: Pick<TestClient, 'setCode' | 'setNonce'>
}

/**
 * Places the Safe singleton factory on a development chain that has no presigned deployment for
 * its chain id (Hardhat's in-process `clique` network, chain 2789): the runtime code the mainnet
 * deployment transaction creates (checked by `loadSafeSingletonFactory`) goes to the same
 * address with `hardhat_setCode`, with nonce 1 like any CREATE'd contract. On geth the same code
 * goes into the genesis instead ({@link safeSingletonFactoryPredeploy}).
 */
export async function placeSafeSingletonFactory(parameters: PlaceSafeSingletonFactoryParameters): Promise<Address> {
  const factory = await loadSafeSingletonFactory()
  await parameters.testClient.setCode({ address: factory.address, bytecode: factory.runtimeCode })
  await parameters.testClient.setNonce({ address: factory.address, nonce: 1 })
  return factory.address
}
