import { inspect } from 'node:util'
import { SecretError } from './SecretError.ts'

const REDACTED = '[redacted]'
const values = new WeakMap<Secret<unknown>, { value: unknown; wiped: boolean }>()

/**
 * A value that never prints: `String()`, `JSON.stringify`, `util.inspect` and template strings
 * all give `[redacted]`. The value lives outside the object (a WeakMap), so even a structured
 * clone or an enumeration of the object's own keys cannot reach it. `reveal()` is the only way
 * in; `wipe()` zeroes a `Uint8Array` value and forgets any other.
 */
export class Secret<T> {
  constructor(value: T) {
    values.set(this, { value, wiped: false })
    Object.freeze(this)
  }

  /** The value. Throws `SecretError` `SECRET_WIPED` once `wipe()` has run. */
  reveal(): T {
    const entry = values.get(this)
    if (!entry || entry.wiped)
      throw new SecretError({
        code: 'SECRET_WIPED',
        shortMessage: 'Secret was wiped',
        details: 'reveal() was called after wipe(); read a secret before wiping it',
      })
    return entry.value as T
  }

  /** Zeroes byte buffers in place and drops the reference; later `reveal()` throws `SECRET_WIPED`. */
  wipe(): void {
    const entry = values.get(this)
    if (!entry) return
    if (entry.value instanceof Uint8Array) entry.value.fill(0)
    entry.value = undefined
    entry.wiped = true
  }

  get wiped(): boolean {
    return values.get(this)?.wiped ?? true
  }

  toString(): string {
    return REDACTED
  }

  toJSON(): string {
    return REDACTED
  }

  [Symbol.toPrimitive](): string {
    return REDACTED
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`
  }
}
