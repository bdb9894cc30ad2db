/** Last words of a field name that say its value is a hash or an id, logged on purpose. */
const HASH_WORDS = new Set(['hash', 'hashes', 'id', 'ids', 'txid', 'txids', 'root'])

/**
 * True when a field named `key` holds hashes or ids (`hash`, `txHash`, `paymentHash`, `block_hash`,
 * `blockhash`, `messageId`, `txids`, `stateRoot`): 32-byte hex values there are transaction,
 * payment and block hashes, which the logger keeps, not keys, which it redacts everywhere else.
 * The name's last word decides (`paid` is not an id, `hashAlgorithm` is not a hash).
 */
export function isHashKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
  const last = words[words.length - 1] ?? ''
  return HASH_WORDS.has(last) || last.endsWith('hash') || last.endsWith('hashes')
}
