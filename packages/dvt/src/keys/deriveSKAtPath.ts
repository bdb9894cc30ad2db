import type { Secret } from '@chainops/core'
import { deriveChildSK } from './deriveChildSK.ts'
import { deriveMasterSK } from './deriveMasterSK.ts'
import type { KeysError } from './KeysError.ts'
import { parseEip2334Path } from './parseEip2334Path.ts'

export type DeriveSKAtPathParameters = {
  /** The EIP-2333 seed (a BIP-39 seed: 64 bytes). */
  seed: Uint8Array | Secret<Uint8Array>
  /** An EIP-2334 validator path, `m/12381/3600/<index>/0/0` or `m/12381/3600/<index>/0`. */
  path: string
}

export type DeriveSKAtPathErrorType = KeysError

/** The BLS secret key at an EIP-2334 path of a seed: the master key, then a child per level. Intermediate keys are wiped. */
export function deriveSKAtPath(parameters: DeriveSKAtPathParameters): Secret<Uint8Array> {
  const { nodes } = parseEip2334Path(parameters.path)
  let key = deriveMasterSK(parameters.seed)
  for (const node of nodes) {
    const child = deriveChildSK(key, node)
    key.wipe()
    key = child
  }
  return key
}
