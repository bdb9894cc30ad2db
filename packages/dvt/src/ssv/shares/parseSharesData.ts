import type { SharesDataParts } from './SharesDataParts.ts'

const SIGNATURE = 96
const PUBLIC_KEY = 48
const ENCRYPTED_SHARE = 256

/**
 * sharesData cut for `operatorCount` operators, or undefined when its length is not
 * 96 + n x (48 + 256) (what the SSVNetwork contract checks, and all it checks).
 */
export function parseSharesData(sharesData: Uint8Array, operatorCount: number): SharesDataParts | undefined {
  if (sharesData.length !== SIGNATURE + operatorCount * (PUBLIC_KEY + ENCRYPTED_SHARE)) return undefined
  const keysAt = SIGNATURE
  const sharesAt = SIGNATURE + operatorCount * PUBLIC_KEY
  return {
    signature: sharesData.slice(0, SIGNATURE),
    sharePublicKeys: Array.from({ length: operatorCount }, (_, i) =>
      sharesData.slice(keysAt + i * PUBLIC_KEY, keysAt + (i + 1) * PUBLIC_KEY),
    ),
    encryptedShares: Array.from({ length: operatorCount }, (_, i) =>
      sharesData.slice(sharesAt + i * ENCRYPTED_SHARE, sharesAt + (i + 1) * ENCRYPTED_SHARE),
    ),
  }
}
