/**
 * What a failed `eth_sendRawTransaction` means for a journaled mint:
 * - `known`: the node already has this exact transaction (a rebroadcast): nothing to do.
 * - `nonceTooLow`: the nonce is used on chain: by this transaction (look its receipt up) or by
 *   another one (a nonce conflict).
 * - `underpriced`: another transaction with the same nonce is in the pool (a fee bump of ours, or a
 *   foreign one).
 * - `unavailable`: the node could not be reached or failed: rebroadcast later.
 * - `rejected`: anything else the node refused (bad signature, balance): needs an operator.
 */
export type BroadcastFailure = 'known' | 'nonceTooLow' | 'underpriced' | 'unavailable' | 'rejected'

const patterns: ReadonlyArray<[BroadcastFailure, RegExp]> = [
  ['known', /already known|known transaction|already imported/i],
  ['nonceTooLow', /nonce too low|nonce has already been used|nonce is too low/i],
  ['underpriced', /replacement transaction underpriced|could not replace existing tx/i],
  [
    'unavailable',
    /fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|timed? ?out|HTTP request failed|other side closed|txpool is full|network/i,
  ],
]

/** Classifies by the node's message, looked for along the whole `cause` chain (viem wraps RPC errors). */
export function classifyBroadcastError(error: unknown): BroadcastFailure {
  const texts: string[] = []
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current)
    const { message, details, shortMessage } = current as {
      message?: unknown
      details?: unknown
      shortMessage?: unknown
    }
    for (const text of [message, details, shortMessage]) if (typeof text === 'string') texts.push(text)
    current = (current as { cause?: unknown }).cause
  }
  const joined = texts.join('\n')
  for (const [kind, pattern] of patterns) if (pattern.test(joined)) return kind
  return 'rejected'
}
