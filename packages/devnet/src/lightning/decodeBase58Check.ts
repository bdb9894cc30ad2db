import { DevnetError } from '../DevnetError.ts'
import { base58Alphabet, base58Checksum } from './encodeBase58Check.ts'

/** The payload (version byte included) of a Base58Check string; a bad character or checksum throws. */
export function decodeBase58Check(text: string): Uint8Array {
  let value = 0n
  for (const char of text) {
    const digit = base58Alphabet.indexOf(char)
    if (digit < 0) throw new DevnetError({ code: 'DEVNET_BAD_OPTIONS', shortMessage: `not base58: ${text}` })
    value = value * 58n + BigInt(digit)
  }
  let hex = value === 0n ? '' : value.toString(16)
  if (hex.length % 2) hex = `0${hex}`
  let zeros = 0
  while (text[zeros] === '1') zeros++
  const bytes = Buffer.concat([Buffer.alloc(zeros), Buffer.from(hex, 'hex')])
  if (bytes.length < 5)
    throw new DevnetError({ code: 'DEVNET_BAD_OPTIONS', shortMessage: `base58check too short: ${text}` })
  const payload = bytes.subarray(0, -4)
  if (!Buffer.from(base58Checksum(payload)).equals(bytes.subarray(-4))) {
    throw new DevnetError({ code: 'DEVNET_BAD_OPTIONS', shortMessage: `base58check checksum mismatch: ${text}` })
  }
  return new Uint8Array(payload)
}
