import { getAddress, type Hex, isAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { EXTRA_SEAL_BYTES, EXTRA_VANITY_BYTES } from './constants.ts'

export type EncodeExtraDataParameters = {
  /** The initial signers; sorted ascending here, as geth expects at checkpoints. */
  signers: readonly string[]
  /** Up to 32 bytes, right-padded with zeros. */
  vanity?: Hex | undefined
  /** 65 bytes; zeros in a genesis. */
  seal?: Hex | undefined
}
export type EncodeExtraDataReturnType = Hex
export type EncodeExtraDataErrorType = CliqueError

/** Builds a Clique extraData: 32-byte vanity, the signers sorted ascending, 65-byte seal. */
export function encodeExtraData(parameters: EncodeExtraDataParameters): EncodeExtraDataReturnType {
  const { signers, vanity = '0x', seal = `0x${'00'.repeat(EXTRA_SEAL_BYTES)}` } = parameters
  if (!/^0x([0-9a-fA-F]{2}){0,32}$/.test(vanity)) {
    throw new CliqueError({
      code: 'CLIQUE_VANITY_INVALID',
      shortMessage: `vanity must be 0x hex of at most ${EXTRA_VANITY_BYTES} bytes`,
      path: 'vanity',
      details: `got ${vanity.slice(0, 80)}`,
    })
  }
  if (!new RegExp(`^0x([0-9a-fA-F]{2}){${EXTRA_SEAL_BYTES}}$`).test(seal)) {
    throw new CliqueError({
      code: 'CLIQUE_EXTRA_DATA_INVALID_HEX',
      shortMessage: 'seal must be 65 bytes of 0x hex',
      path: 'seal',
    })
  }
  const seen = new Set<string>()
  const lower: string[] = []
  signers.forEach((signer, index) => {
    if (typeof signer !== 'string' || !isAddress(signer, { strict: false })) {
      throw new CliqueError({
        code: 'CLIQUE_SIGNER_INVALID',
        shortMessage: 'signer is not a 20-byte address',
        path: `signers.${index}`,
        details: `got ${String(signer)}`,
      })
    }
    const key = signer.toLowerCase()
    if (seen.has(key)) {
      throw new CliqueError({
        code: 'CLIQUE_DUPLICATE_SIGNER',
        shortMessage: `signer ${getAddress(signer)} is listed twice`,
        path: `signers.${index}`,
      })
    }
    seen.add(key)
    lower.push(key)
  })
  lower.sort()
  const vanityDigits = vanity
    .slice(2)
    .toLowerCase()
    .padEnd(EXTRA_VANITY_BYTES * 2, '0')
  return `0x${vanityDigits}${lower.map((s) => s.slice(2)).join('')}${seal.slice(2).toLowerCase()}`
}
