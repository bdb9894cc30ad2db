/**
 * How the `lightning` package refused a payment (its errors are arrays `[status, code, {err}]`):
 * `expired` when the payer's lnd refused an expired request before sending, `rejected` when the
 * destination refused the HTLC (a cancelled invoice), undefined for anything else. For
 * `assert.rejects` matchers that say which refusal a test expects.
 */
export function lndPaymentRefusal(error: unknown): 'expired' | 'rejected' | undefined {
  if (!Array.isArray(error)) return undefined
  const [, code, extra] = error as [unknown, unknown, { err?: { details?: unknown } }?]
  if (code === 'PaymentRejectedByDestination') return 'rejected'
  const details = extra?.err?.details
  if (code === 'UnexpectedPaymentError' && typeof details === 'string' && /invoice expired/i.test(details))
    return 'expired'
  return undefined
}
