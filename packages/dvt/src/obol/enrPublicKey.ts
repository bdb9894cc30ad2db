import { fromRlp, type Hex } from 'viem'
import { ObolError } from './ObolError.ts'

/**
 * The compressed secp256k1 public key of an ENR (EIP-778: `enr:` and the unpadded base64url of
 * `rlp([signature, seq, k, v, ...])`, keys sorted), the value of its `secp256k1` key.
 */
export function enrPublicKey(enr: string, field: string): Hex {
  const fail = (why: string, cause?: unknown) =>
    new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `field ${field} is not an ENR`, details: why, cause })
  if (!enr.startsWith('enr:')) throw fail('an ENR starts with "enr:"')
  let items: unknown
  try {
    items = fromRlp(new Uint8Array(Buffer.from(enr.slice(4), 'base64url')), 'hex')
  } catch (cause) {
    throw fail('not RLP', cause)
  }
  if (!Array.isArray(items) || items.length < 2 || items.length % 2 !== 0) throw fail('not a signed key/value list')
  for (let i = 2; i + 1 < items.length; i += 2) {
    if (items[i] === '0x736563703235366b31') {
      const key = items[i + 1]
      if (typeof key !== 'string' || key.length !== 2 + 66) throw fail('its secp256k1 key is not 33 bytes')
      return key as Hex
    }
  }
  throw fail('it has no secp256k1 key')
}
