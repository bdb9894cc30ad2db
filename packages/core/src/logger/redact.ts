import { ChainopsError } from '../errors/ChainopsError.ts'
import { isSecret } from '../secrets/isSecret.ts'
import { isHashKey } from './isHashKey.ts'
import { isSecretKey } from './isSecretKey.ts'
import { scrubText } from './scrubText.ts'

const REDACTED = '[redacted]'
const MAX_DEPTH = 8

/** A value that survives `JSON.stringify` unchanged. */
export type RedactedValue = null | boolean | number | string | RedactedValue[] | { [key: string]: RedactedValue }

type Walk = { depth: number; seen: WeakSet<object> }

function redactError(error: Error, walk: Walk): RedactedValue {
  const out: { [key: string]: RedactedValue } = { name: scrubText(error.name) }
  if (error instanceof ChainopsError) {
    // our own errors promise secret-free text; the light scrub still catches a pasted phrase
    out['code'] = error.code
    out['shortMessage'] = scrubText(error.shortMessage)
    if (error.details !== undefined) out['details'] = scrubText(error.details)
  } else {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' || typeof code === 'number') out['code'] = code
    out['message'] = scrubText(error.message, { aggressive: true })
  }
  if (error.cause !== undefined) out['cause'] = redactValue(error.cause, walk, true)
  return out
}

/** `hashField`: the value sits under a hash or id field name (see `isHashKey`), so its hex is a hash. */
function redactValue(value: unknown, walk: Walk, foreign = false, hashField = false): RedactedValue {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'string') return scrubText(value, { aggressive: foreign, hashField })
  if (typeof value !== 'object') return null // undefined, functions and symbols carry nothing worth logging
  if (isSecret(value)) return REDACTED
  if (walk.seen.has(value)) return '[circular]'
  if (walk.depth >= MAX_DEPTH) return '[too deep]'
  // bytes are key material more often than not; their size is what helps debugging
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (value instanceof URL) {
    const url = new URL(value.href)
    if (url.password) url.password = REDACTED
    return url.href
  }
  const inner: Walk = { depth: walk.depth + 1, seen: walk.seen }
  walk.seen.add(value)
  try {
    if (value instanceof Error) return redactError(value, inner)
    if (Array.isArray(value)) return value.map((item) => redactValue(item, inner, foreign, hashField))
    if (value instanceof Map)
      return redactEntries(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        inner,
        foreign,
      )
    if (value instanceof Set) return [...value].map((item) => redactValue(item, inner, foreign, hashField))
    const toJSON = (value as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return redactValue(toJSON.call(value), inner, foreign, hashField)
    return redactEntries(Object.entries(value), inner, foreign)
  } finally {
    walk.seen.delete(value)
  }
}

function redactEntries(entries: [string, unknown][], walk: Walk, foreign: boolean): { [key: string]: RedactedValue } {
  const out: { [key: string]: RedactedValue } = {}
  for (const [key, item] of entries) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
    out[key] = isSecretKey(key) ? REDACTED : redactValue(item, walk, foreign, isHashKey(key))
  }
  return out
}

/**
 * Turns any value into plain JSON data that is safe to log: `Secret`s and fields named like
 * secrets (see `isSecretKey`) become `[redacted]`; in every string, BIP-39 phrases and 32+ byte hex
 * runs (keys, seeds) are cut out by their shape, but hex under a hash or id field name
 * (`txHash`, `paymentHash`, `blockHash`, `messageId`, see `isHashKey`) or right after a hash label
 * (`tx 0x...`, see `scrubText`) is kept, since those are hashes logged on purpose; errors
 * keep their name, code, shortMessage, details and cause (a foreign error's message is scrubbed
 * hard, see `scrubText`), bytes print their length, bigints print as decimal strings, cycles and
 * depth beyond 8 are cut.
 */
export function redact(value: unknown): RedactedValue {
  return redactValue(value, { depth: 0, seen: new WeakSet() })
}
