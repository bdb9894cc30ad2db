import { type EthersProvider, toEip1193Provider } from '@chainops/core/ethers'
import type { ContractNetworksConfig, Eip1193Provider } from '@safe-global/protocol-kit'
import type { Address } from 'viem'
import { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import { protocolKitSigner } from './protocolKitSigner.ts'
import type { SafeExecutor } from './SafeExecutor.ts'

export type ConnectSafeParameters = {
  /** An EIP-1193 provider (Hardhat's `connection.provider`), an ethers v6 provider, or an RPC URL. */
  provider: Eip1193Provider | EthersProvider | string
  safeAddress: Address
  /** From `safeContractNetworks`: chain 2789 is not in protocol-kit's registry. */
  contractNetworks: ContractNetworksConfig
  /** Who sends `execTransaction`; without one the instance can propose and read, not execute. */
  executor?: SafeExecutor
}

/** A protocol-kit instance for a deployed Safe (the L1 singleton ABI: what createRewardSafe uses). */
export async function connectSafe(parameters: ConnectSafeParameters): Promise<ProtocolKitSafe> {
  const { provider, safeAddress, contractNetworks, executor } = parameters
  return ProtocolKitSafe.init({
    provider: toEip1193Provider(provider),
    ...(executor ? { signer: protocolKitSigner(executor) } : {}),
    safeAddress,
    contractNetworks,
    isL1SafeSingleton: true,
  })
}
