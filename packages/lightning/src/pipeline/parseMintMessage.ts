/** A mint job as queued by the settle subscriber: `{ v: 1, paymentHash }` and nothing else. */
type MintMessage = { v: 1; paymentHash: string }

export type ParseMintMessageReturnType = { ok: true; message: MintMessage } | { ok: false; reason: string }

const HASH = /^[0-9a-f]{64}$/
const MAX_BODY = 1024

/**
 * Parses a queue message body without trusting it: the amount and address come from the invoice
 * record, so the body carries only the payment hash. A body that is not exactly `{ v: 1,
 * paymentHash }` is refused with the reason the dead letter keeps.
 */
export function parseMintMessage(body: unknown): ParseMintMessageReturnType {
  if (typeof body !== 'string') return { ok: false, reason: 'the body is not a string' }
  if (body.length > MAX_BODY) return { ok: false, reason: `the body is longer than ${MAX_BODY} characters` }
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return { ok: false, reason: 'the body is not JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'the body is not a JSON object' }
  const { v, paymentHash, ...rest } = value as Record<string, unknown>
  if (v !== 1)
    return { ok: false, reason: `unsupported message version ${JSON.stringify(v) ?? 'undefined'} (expected 1)` }
  if (typeof paymentHash !== 'string' || !HASH.test(paymentHash))
    return { ok: false, reason: 'paymentHash is not 64 lowercase hex characters' }
  const extra = Object.keys(rest)
  if (extra.length > 0) return { ok: false, reason: `unexpected fields: ${extra.slice(0, 5).join(', ')}` }
  return { ok: true, message: { v: 1, paymentHash } }
}
