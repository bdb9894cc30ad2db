import { secp256k1 } from '@noble/curves/secp256k1.js'
import { fromRlp, type Hex, hexToBytes, keccak256, toRlp } from 'viem'
import { ObolError } from './ObolError.ts'

const ID = '0x6964' // "id"
const V4 = '0x7634' // "v4"
const SECP256K1 = '0x736563703235366b31' // "secp256k1"

/**
 * The compressed secp256k1 public key of an ENR, checked as charon parses one (EIP-778: `enr:` and
 * the unpadded base64url of `rlp([signature, seq, k, v, ...])`): the "v4" identity scheme, no key
 * twice, a 33-byte `secp256k1` key, and the record's 64-byte signature of
 * `keccak256(rlp([seq, k, v, ...]))` by that key.
 */
export function enrPublicKey(enr: string, field: string): Hex {
  const fail = (why: string, cause?: unknown) =>
    new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `field ${field} is not a valid ENR`, details: why, cause })
  if (!enr.startsWith('enr:')) throw fail('an ENR starts with "enr:"')
  let items: unknown
  try {
    items = fromRlp(new Uint8Array(Buffer.from(enr.slice(4).replace(/=+$/, ''), 'base64url')), 'hex')
  } catch (cause) {
    throw fail('not RLP', cause)
  }
  if (
    !Array.isArray(items) ||
    items.length < 4 ||
    items.length % 2 !== 0 ||
    !items.every((item) => typeof item === 'string')
  )
    throw fail('not a signed list of keys and values')
  const elements = items as Hex[]
  const seen = new Set<string>()
  let publicKey: Hex | undefined
  for (let i = 2; i + 1 < elements.length; i += 2) {
    const key = elements[i] as Hex
    const value = elements[i + 1] as Hex
    if (seen.has(key)) throw fail(`key ${Buffer.from(key.slice(2), 'hex').toString()} appears twice`)
    seen.add(key)
    if (key === ID && value !== V4) throw fail('only the v4 identity scheme is supported')
    if (key === SECP256K1) publicKey = value
  }
  if (!publicKey || publicKey.length !== 2 + 66) throw fail('no 33-byte secp256k1 key')
  const signature = hexToBytes(elements[0] as Hex)
  const digest = hexToBytes(keccak256(toRlp(elements.slice(1))))
  let valid = false
  try {
    valid =
      signature.length === 64 &&
      secp256k1.verify(signature, digest, hexToBytes(publicKey), { prehash: false, lowS: false })
  } catch {
    valid = false
  }
  if (!valid)
    throw new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: `${field} record signature does not verify`,
      details: 'not a signature of the record by its secp256k1 key',
    })
  return publicKey
}
