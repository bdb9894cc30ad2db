import { type Hex, hexToBytes } from 'viem'
import { DepositError } from './DepositError.ts'
import { ForkData } from './ForkData.ts'

/** `DOMAIN_DEPOSIT` of the phase0 spec. */
const DOMAIN_DEPOSIT = Uint8Array.of(0x03, 0x00, 0x00, 0x00)

/**
 * The deposit signing domain of a genesis fork version: `DOMAIN_DEPOSIT` and the first 28 bytes of
 * the `ForkData` root with a zero genesis validators root (deposits are valid before genesis, so
 * the spec fixes it to zero).
 */
export function computeDepositDomain(forkVersion: Hex | Uint8Array): Uint8Array {
  const version = typeof forkVersion === 'string' ? hexToBytes(forkVersion) : forkVersion
  if (version.length !== 4)
    throw new DepositError({
      code: 'DEPOSIT_INVALID_INPUT',
      shortMessage: 'a fork version is 4 bytes',
      details: `got ${version.length} bytes`,
    })
  const forkDataRoot = ForkData.hashTreeRoot({ currentVersion: version, genesisValidatorsRoot: new Uint8Array(32) })
  const domain = new Uint8Array(32)
  domain.set(DOMAIN_DEPOSIT, 0)
  domain.set(forkDataRoot.subarray(0, 28), 4)
  return domain
}
