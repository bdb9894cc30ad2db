import { connectSafe, type ProtocolKitSafe, type SafeExecutor, safeContractNetworks } from '@chainops/treasury'
import type { Address } from 'viem'
import { canonicalSafeContracts } from './canonicalSafeContracts.ts'
import type { ConnectedChain } from './connectChain.ts'

/** A protocol-kit instance for the Safe at `safeAddress` on the connected chain (canonical v1.4.1 contracts). */
export async function openSafe(
  chain: ConnectedChain,
  safeAddress: Address,
  executor?: SafeExecutor,
): Promise<ProtocolKitSafe> {
  const contracts = await canonicalSafeContracts(chain.publicClient)
  return connectSafe({
    provider: chain.rpcUrl,
    safeAddress,
    contractNetworks: safeContractNetworks({ chainId: chain.chainId, contracts }),
    ...(executor ? { executor } : {}),
  })
}
