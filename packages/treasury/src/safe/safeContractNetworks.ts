import type { ContractNetworksConfig } from '@safe-global/protocol-kit'
import type { SafeContracts } from './SafeContracts.ts'

export type SafeContractNetworksParameters = {
  chainId: number
  contracts: SafeContracts
  /** Use the L1 `Safe` singleton (default) or `SafeL2`, which also emits an event per transaction. */
  singleton?: 'Safe' | 'SafeL2'
}

/**
 * The `contractNetworks` protocol-kit needs on a chain its registry does not list (2789): the
 * addresses `deploySafeContracts` checked, keyed by chain id.
 */
export function safeContractNetworks(parameters: SafeContractNetworksParameters): ContractNetworksConfig {
  const { chainId, contracts, singleton = 'Safe' } = parameters
  return {
    [String(chainId)]: {
      safeSingletonAddress: contracts[singleton],
      safeProxyFactoryAddress: contracts.SafeProxyFactory,
      multiSendAddress: contracts.MultiSend,
      multiSendCallOnlyAddress: contracts.MultiSendCallOnly,
      fallbackHandlerAddress: contracts.CompatibilityFallbackHandler,
      signMessageLibAddress: contracts.SignMessageLib,
      createCallAddress: contracts.CreateCall,
      simulateTxAccessorAddress: contracts.SimulateTxAccessor,
    },
  }
}
