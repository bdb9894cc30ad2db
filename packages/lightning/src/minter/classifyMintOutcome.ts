import type { Address, Hex } from 'viem'
import type { MintOutcome } from './Minter.ts'
import type { MintReceipt } from './MintReceipt.ts'
import type { MintOutcomeWrite } from './recordMintOutcome.ts'

export type ClassifyMintOutcomeParameters = {
  paymentHash: string
  nonce: bigint
  /** The sending address (named in a conflict). */
  from: Address
  /** The receipt of one of the mint's variants, if one was found. */
  receipt: MintReceipt | undefined
  /** The sender's nonce on chain (`latest`), when known: a nonce below it with no receipt was used by another transaction. */
  chainLatestNonce?: bigint | undefined
  /** ISO time of the decision. */
  at: string
}

export type ClassifyMintOutcomeReturnType = { write: MintOutcomeWrite; outcome: MintOutcome } | undefined

/**
 * What a journaled mint's chain state means, as the journal write and the outcome reported:
 * a successful receipt -> minted; a reverted one -> `MINT_REVERTED`; no receipt while the nonce is
 * used on chain -> `MINT_NONCE_CONFLICT` (another transaction took it: never minted, and never to
 * be re-signed at a new nonce without an operator); otherwise undefined: still in flight.
 */
export function classifyMintOutcome(parameters: ClassifyMintOutcomeParameters): ClassifyMintOutcomeReturnType {
  const { paymentHash, nonce, from, receipt, chainLatestNonce, at } = parameters
  if (receipt) {
    const txHash = receipt.transactionHash.toLowerCase() as Hex
    const fields = {
      txHash,
      block: receipt.blockNumber.toString(),
      gasUsed: receipt.gasUsed.toString(),
      effectiveGasPrice: (receipt.effectiveGasPrice ?? 0n).toString(),
      at,
    }
    if (receipt.status === 'success')
      return {
        write: { paymentHash, outcome: { kind: 'minted', ...fields } },
        outcome: { paymentHash, status: 'minted', txHash, block: receipt.blockNumber },
      }
    return {
      write: { paymentHash, outcome: { kind: 'reverted', ...fields } },
      outcome: {
        paymentHash,
        status: 'failed',
        code: 'MINT_REVERTED',
        reason: `the mint transaction ${txHash} reverted in block ${receipt.blockNumber}`,
      },
    }
  }
  if (chainLatestNonce === undefined || nonce >= chainLatestNonce) return undefined
  const details = `nonce ${nonce} of ${from} was used by a transaction that is not in this mint's journal row; it was never minted (never re-sign it at a new nonce without an operator's decision)`
  return {
    write: { paymentHash, outcome: { kind: 'conflict', detectedAt: at, details } },
    outcome: { paymentHash, status: 'failed', code: 'MINT_NONCE_CONFLICT', reason: details },
  }
}
