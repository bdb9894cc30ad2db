import { ChainopsError } from '../errors/ChainopsError.ts'

/** Stable codes of {@link EthersAdapterError}. */
export type EthersAdapterErrorCode =
  /** An object given as an ethers provider has no `send` (a `FallbackProvider`, an ethers v5 provider). */
  | 'ETHERS_PROVIDER_UNSUPPORTED'
  /** An object given as an ethers signer lacks a method chainops needs, or the API needs a key it does not hold. */
  | 'ETHERS_SIGNER_UNSUPPORTED'
  /** The signer cannot sign a transaction offline (a `JsonRpcSigner`, a `VoidSigner`). */
  | 'ETHERS_SIGN_TRANSACTION_UNSUPPORTED'
  /** A signer given where transactions are sent has no provider to send them through. */
  | 'ETHERS_SIGNER_NO_PROVIDER'
  /** The provider's (or the signer's provider's) chain is not the chain the caller named. */
  | 'ETHERS_CHAIN_MISMATCH'

export type EthersAdapterErrorParameters = {
  code: EthersAdapterErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Thrown by the ethers v6 adapters of `@chainops/core/ethers` at the boundary of an API given an ethers object. */
export class EthersAdapterError extends ChainopsError {
  override name = 'EthersAdapterError'
  declare readonly code: EthersAdapterErrorCode

  constructor(parameters: EthersAdapterErrorParameters) {
    super(parameters)
  }
}
