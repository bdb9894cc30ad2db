/** What the pipeline needs from a settled lnd invoice. */
export type SettledInvoice = {
  paymentHash: string
  /** lnd's settle_index: increases with every settle on the node. */
  settleIndex: bigint
  /** Received, overpayment included. */
  receivedMsat: bigint
  /** ISO 8601, lnd's `settle_date` when known. */
  settledAt: string | undefined
}
