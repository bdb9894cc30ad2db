/** The domain of ethers' `signTypedData` (`TypedDataDomain`). */
export type EthersTypedDataDomain = {
  name?: string | null
  version?: string | null
  chainId?: bigint | number | string | null
  verifyingContract?: string | null
  salt?: string | Uint8Array | null
}

/** The transaction ethers' `signTransaction` takes (the fields chainops fills). */
export type EthersTransactionRequest = {
  type?: number | null
  to?: string | null
  from?: string | null
  nonce?: number | null
  gasLimit?: bigint | null
  gasPrice?: bigint | null
  maxPriorityFeePerGas?: bigint | null
  maxFeePerGas?: bigint | null
  data?: string | null
  value?: bigint | null
  chainId?: bigint | null
  accessList?: Array<{ address: string; storageKeys: string[] }> | null
}

/**
 * What chainops needs of an ethers v6 `Signer` (a `Wallet`, an `HDNodeWallet`, a `JsonRpcSigner`,
 * a KMS or hardware signer built on `AbstractSigner`). Structural: ethers is not imported.
 * `signTransaction` must sign offline; a `JsonRpcSigner` cannot (it asks its node) and is refused
 * where a transaction is sent (`ETHERS_SIGN_TRANSACTION_UNSUPPORTED`).
 */
export type EthersSigner = {
  readonly provider: { getNetwork(): Promise<{ readonly chainId: bigint }> } | null
  getAddress(): Promise<string>
  signMessage(message: string | Uint8Array): Promise<string>
  signTypedData(
    domain: EthersTypedDataDomain,
    types: Record<string, Array<{ name: string; type: string }>>,
    value: Record<string, unknown>,
  ): Promise<string>
  signTransaction(transaction: EthersTransactionRequest): Promise<string>
}
