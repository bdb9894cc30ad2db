import type { SharesDataParts } from './SharesDataParts.ts'

/** signature ‖ share public keys ‖ encrypted shares, the `sharesData` argument of registerValidator. */
export function buildSharesData(parts: SharesDataParts): Uint8Array {
  const chunks = [parts.signature, ...parts.sharePublicKeys, ...parts.encryptedShares]
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
