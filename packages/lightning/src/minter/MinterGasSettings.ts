/** How the minter prices its transactions (EIP-1559). */
export type MinterGasSettings = {
  /** Gas of one mint (a plain transfer to an account): default 21,000. */
  gas?: bigint | undefined
  /** The tip: default 1 gwei. */
  maxPriorityFeePerGas?: bigint | undefined
  /** A fixed fee cap; by default `baseFeeMultiplier` x the latest base fee + the tip. */
  maxFeePerGas?: bigint | undefined
  /**
   * Default 3: room for the base fee to rise 12.5% a block for about 9 full blocks while the
   * pipeline runs ahead of the chain, before a fee bump is needed.
   */
  baseFeeMultiplier?: bigint | undefined
  /** No fee cap (first signature or bump) goes above this: default 1000 gwei. */
  maxFeePerGasCeiling?: bigint | undefined
  /** A mint still unmined this many blocks after its send, with a fee cap under the base fee, is re-signed at the same nonce with higher fees: default 3. */
  bumpAfterBlocks?: number | undefined
}

export type MintFees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }

export const GWEI = 1_000_000_000n
