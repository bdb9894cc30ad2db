import { type Address, getAddress, type Hex } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { EXTRA_SEAL_BYTES, EXTRA_VANITY_BYTES, SIGNER_BYTES } from './constants.ts'

export type DecodeExtraDataOptions = {
  /** JSON path used in errors; `extraData` by default. */
  path?: string
  /**
   * When true (the default), unsorted or duplicate signers throw. When false they are returned
   * in `problems` so a linter can report them next to everything else.
   */
  strict?: boolean
}

export type DecodeExtraDataReturnType = {
  vanity: Hex
  /** Checksummed, in the order they appear. */
  signers: Address[]
  seal: Hex
  /** CLIQUE_SIGNERS_UNSORTED / CLIQUE_DUPLICATE_SIGNER errors found when `strict` is false. */
  problems: CliqueError[]
}
export type DecodeExtraDataErrorType = CliqueError

/**
 * Splits a Clique extraData into vanity (32 bytes), signers (20 bytes each) and seal (65 bytes).
 * Every malformed input gives a `CliqueError`: CLIQUE_EXTRA_DATA_INVALID_HEX, CLIQUE_EXTRA_DATA_LENGTH,
 * CLIQUE_SIGNERS_UNSORTED, CLIQUE_DUPLICATE_SIGNER.
 */
export function decodeExtraData(extraData: unknown, options: DecodeExtraDataOptions = {}): DecodeExtraDataReturnType {
  const { path = 'extraData', strict = true } = options
  if (typeof extraData !== 'string' || !/^0[xX]/.test(extraData)) {
    throw new CliqueError({
      code: 'CLIQUE_EXTRA_DATA_INVALID_HEX',
      shortMessage: 'extraData must be a 0x hex string',
      path,
      details: `got ${typeof extraData === 'string' ? JSON.stringify(extraData.slice(0, 80)) : extraData === null ? 'null' : typeof extraData}`,
    })
  }
  const digits = extraData.slice(2).toLowerCase()
  if (!/^[0-9a-f]*$/.test(digits) || digits.length % 2 !== 0) {
    throw new CliqueError({
      code: 'CLIQUE_EXTRA_DATA_INVALID_HEX',
      shortMessage:
        digits.length % 2 !== 0 ? 'extraData has an odd number of hex digits' : 'extraData has non-hex digits',
      path,
    })
  }
  const size = digits.length / 2
  const minimum = EXTRA_VANITY_BYTES + EXTRA_SEAL_BYTES
  if (size < minimum) {
    throw new CliqueError({
      code: 'CLIQUE_EXTRA_DATA_LENGTH',
      shortMessage: `extraData is ${size} bytes, shorter than the ${minimum} bytes of vanity and seal`,
      path,
    })
  }
  const signerBytes = size - minimum
  if (signerBytes % SIGNER_BYTES !== 0) {
    throw new CliqueError({
      code: 'CLIQUE_EXTRA_DATA_LENGTH',
      shortMessage: `extraData is ${size} bytes: the ${signerBytes} bytes between vanity and seal are not a whole number of 20-byte signers`,
      path,
      details: `expected 32 + 20*N + 65 bytes`,
    })
  }
  const vanityEnd = EXTRA_VANITY_BYTES * 2
  const sealStart = digits.length - EXTRA_SEAL_BYTES * 2
  const raw: string[] = []
  for (let offset = vanityEnd; offset < sealStart; offset += SIGNER_BYTES * 2) {
    raw.push(digits.slice(offset, offset + SIGNER_BYTES * 2))
  }
  const signers = raw.map((s) => getAddress(`0x${s}`))
  const problems: CliqueError[] = []
  const seen = new Set<string>()
  for (let i = 0; i < raw.length; i++) {
    const current = raw[i] as string
    if (seen.has(current)) {
      problems.push(
        new CliqueError({
          code: 'CLIQUE_DUPLICATE_SIGNER',
          shortMessage: `signer ${signers[i]} appears more than once in extraData`,
          path: `${path}.signers.${i}`,
        }),
      )
    }
    seen.add(current)
    const previous = raw[i - 1]
    if (previous !== undefined && previous > current) {
      problems.push(
        new CliqueError({
          code: 'CLIQUE_SIGNERS_UNSORTED',
          shortMessage: `signer ${signers[i]} comes after ${signers[i - 1]}: signers must be sorted ascending`,
          path: `${path}.signers.${i}`,
        }),
      )
    }
  }
  if (strict && problems[0]) throw problems[0]
  return { vanity: `0x${digits.slice(0, vanityEnd)}`, signers, seal: `0x${digits.slice(sealStart)}`, problems }
}
