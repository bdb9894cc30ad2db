import { describePath } from './describePath.ts'
import type { Eip2334Path } from './Eip2334Path.ts'
import { KeysError } from './KeysError.ts'

export type ParseEip2334PathErrorType = KeysError

const PATH = /^m\/12381\/3600\/(0|[1-9][0-9]{0,9})\/0(\/0)?$/

/**
 * Parses an EIP-2334 validator path and refuses any other: purpose 12381, coin type 3600, an
 * account index in [0, 2^32), then `0` (withdrawal key) or `0/0` (signing key). No hardened marks
 * (EIP-2333 has none).
 */
export function parseEip2334Path(path: string): Eip2334Path {
  const match = typeof path === 'string' ? PATH.exec(path) : null
  const index = match ? Number(match[1]) : Number.NaN
  if (!match || index > 0xffffffff) {
    throw new KeysError({
      code: 'KEYS_PATH_INVALID',
      shortMessage:
        'not an EIP-2334 validator path: m/12381/3600/<index>/0/0 (signing) or m/12381/3600/<index>/0 (withdrawal)',
      details: `got ${describePath(path)}`,
    })
  }
  const signing = match[2] !== undefined
  return {
    index,
    use: signing ? 'signing' : 'withdrawal',
    nodes: signing ? [12381, 3600, index, 0, 0] : [12381, 3600, index, 0],
    path,
  }
}
