import type { SendMessageParameters } from '@chainops/core'

/**
 * The queue message of a mint job: the payment hash only (the minter reads amount and address
 * from the invoice record, never from the message), deduplicated by the hash, in the one FIFO
 * group of the sending key.
 */
export function buildMintJobMessage(parameters: { paymentHash: string; sender: string }): SendMessageParameters {
  const { paymentHash, sender } = parameters
  return { body: JSON.stringify({ v: 1, paymentHash }), dedupId: paymentHash, groupId: `mint:${sender}` }
}
