import { TreasuryError } from '../../errors/TreasuryError.ts'
import { rs1024Verify } from './rs1024Verify.ts'
import type { Slip39Share } from './Slip39Share.ts'
import { slip39WordList } from './slip39WordList.ts'

const RADIX_BITS = 10
const METADATA_WORDS = 7 // identifier+flags (2), share parameters (2), checksum (3)
const MIN_WORDS = 20 // metadata + ceil(128 / 10)
let wordIndex: Map<string, number> | undefined

/**
 * Decodes one share mnemonic. `label` ("share 2 of 3") names it in errors: a share's words are
 * never put in a message.
 */
export function decodeSlip39Share(mnemonic: string, label: string): Slip39Share {
  if (!wordIndex) wordIndex = new Map(slip39WordList().map((word, i) => [word, i]))
  const indexOf = wordIndex
  const words = mnemonic.trim().toLowerCase().split(/\s+/u).filter(Boolean)
  const data = words.map((word, position) => {
    const index = indexOf.get(word)
    if (index === undefined) {
      throw new TreasuryError({
        code: 'SLIP39_SHARE_UNKNOWN_WORD',
        shortMessage: `${label}: word ${position + 1} is not in the SLIP-39 wordlist`,
        details: 'the word itself is not shown',
      })
    }
    return index
  })
  if (data.length < MIN_WORDS) {
    throw new TreasuryError({
      code: 'SLIP39_SHARE_LENGTH',
      shortMessage: `${label}: a SLIP-39 share has at least ${MIN_WORDS} words, this one has ${data.length}`,
    })
  }
  const paddingBits = (RADIX_BITS * (data.length - METADATA_WORDS)) % 16
  if (paddingBits > 8) {
    throw new TreasuryError({
      code: 'SLIP39_SHARE_LENGTH',
      shortMessage: `${label}: ${data.length} words cannot hold a whole master secret`,
    })
  }
  const idExp = ((data[0] as number) << 10) | (data[1] as number)
  const extendable = ((idExp >> 4) & 1) === 1
  if (!rs1024Verify(extendable ? 'shamir_extendable' : 'shamir', data)) {
    throw new TreasuryError({
      code: 'SLIP39_SHARE_CHECKSUM',
      shortMessage: `${label}: checksum does not match: a word is wrong or out of order`,
    })
  }
  const params = ((data[2] as number) << 10) | (data[3] as number)
  const groupIndex = (params >> 16) & 0xf
  const groupThreshold = ((params >> 12) & 0xf) + 1
  const groupCount = ((params >> 8) & 0xf) + 1
  const memberIndex = (params >> 4) & 0xf
  const memberThreshold = (params & 0xf) + 1
  if (groupThreshold > groupCount) {
    throw new TreasuryError({
      code: 'SLIP39_SHARE_INVALID',
      shortMessage: `${label}: group threshold ${groupThreshold} exceeds group count ${groupCount}`,
    })
  }
  const valueWords = data.slice(4, data.length - 3)
  const valueBits = RADIX_BITS * valueWords.length - paddingBits
  const value = new Uint8Array(Math.ceil(valueBits / 8))
  // Read the words as one big-endian bit string; its first paddingBits bits must be zero.
  let acc = 0
  let accBits = 0
  let bitIndex = 0
  let paddingOk = true
  for (const word of valueWords) {
    acc = (acc << RADIX_BITS) | word
    accBits += RADIX_BITS
    while (accBits >= 1) {
      accBits -= 1
      const bit = (acc >> accBits) & 1
      if (bitIndex < paddingBits) {
        if (bit) paddingOk = false
      } else {
        const position = bitIndex - paddingBits
        value[position >> 3] = (value[position >> 3] as number) | (bit << (7 - (position & 7)))
      }
      bitIndex++
    }
    acc &= (1 << accBits) - 1
  }
  valueWords.fill(0)
  data.fill(0)
  if (!paddingOk) {
    value.fill(0)
    throw new TreasuryError({ code: 'SLIP39_SHARE_PADDING', shortMessage: `${label}: padding bits are not zero` })
  }
  return {
    identifier: idExp >> 5,
    extendable,
    iterationExponent: idExp & 0xf,
    groupIndex,
    groupThreshold,
    groupCount,
    memberIndex,
    memberThreshold,
    value,
  }
}
