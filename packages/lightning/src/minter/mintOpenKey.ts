/**
 * The key of an open journal row in `MINT_OPEN_TABLE`: the sending address (lowercase), `#`, and
 * the nonce zero-padded to 20 digits, so that a prefix listing of one sender returns its open
 * mints lowest nonce first. Without `nonce`, the prefix of that sender.
 */
export function mintOpenKey(from: string, nonce?: bigint | string): string {
  const prefix = `${from.toLowerCase()}#`
  return nonce === undefined ? prefix : `${prefix}${BigInt(nonce).toString().padStart(20, '0')}`
}
