/** Parameters every chainops error is built from. `code` is stable: callers switch on it. */
export type ChainopsErrorParameters<TCode extends string = string> = {
  /** Stable, SCREAMING_SNAKE code prefixed by its package's concept, such as `GENESIS_EXTRA_DATA_LENGTH`. */
  code: TCode
  /** One human line: what is wrong. */
  shortMessage: string
  /** Where and why, in words; never a secret. */
  details?: string | undefined
  /** Extra lines shown under the message (e.g. the expected form). */
  metaMessages?: readonly string[] | undefined
  /** The error this one was raised from. */
  cause?: unknown
}

/**
 * The one base of every error chainops throws. Mirrors viem's `BaseError`: a stable `code`, a
 * `shortMessage`, `details`, `metaMessages` and the original `cause`, with `walk()` to find a
 * cause in the chain. `TCode` is the package's code union.
 */
export class ChainopsError<TCode extends string = string> extends Error {
  override name = 'ChainopsError'
  readonly code: TCode
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: readonly string[] | undefined

  constructor(parameters: ChainopsErrorParameters<TCode>) {
    const { code, shortMessage, details, metaMessages, cause } = parameters
    const lines = [`${shortMessage} [${code}]`]
    if (metaMessages?.length) lines.push('', ...metaMessages)
    if (details) lines.push('', `Details: ${details}`)
    super(lines.join('\n'), cause === undefined ? undefined : { cause })
    this.code = code
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = metaMessages
  }

  /**
   * Walks the `cause` chain. Without a predicate it returns the deepest cause; with one, the
   * first error (this one included) the predicate accepts, or `undefined`.
   */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let current: unknown = this
    let last: unknown = this
    const seen = new Set<unknown>()
    while (current !== undefined && current !== null && !seen.has(current)) {
      seen.add(current)
      if (predicate?.(current)) return current
      last = current
      current = (current as { cause?: unknown }).cause
    }
    return predicate ? undefined : last
  }

  toJSON(): { name: string; code: TCode; shortMessage: string; details: string | undefined } {
    return { name: this.name, code: this.code, shortMessage: this.shortMessage, details: this.details }
  }
}
