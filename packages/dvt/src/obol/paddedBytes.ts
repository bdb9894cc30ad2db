import { ObolError } from './ObolError.ts'

/**
 * The bytes of a hex field, left-padded with zeros to `length` as charon pads short byte fields
 * before hashing (an empty field hashes as zeros). `exact` refuses anything but `length` bytes or
 * none (addresses). Longer fields are refused, naming the field.
 */
export function paddedBytes(hex: string, length: number, field: string, exact = false): Uint8Array {
  const bytes = Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex')
  if (bytes.length > length || (exact && bytes.length !== 0 && bytes.length !== length))
    throw new ObolError({
      code: 'OBOL_BAD_SHAPE',
      shortMessage: `field ${field} has ${bytes.length} bytes, at most ${length} expected`,
      details: `${field}: ${exact ? 'exactly' : 'at most'} ${length} bytes`,
    })
  const out = new Uint8Array(length)
  out.set(bytes, length - bytes.length)
  return out
}
