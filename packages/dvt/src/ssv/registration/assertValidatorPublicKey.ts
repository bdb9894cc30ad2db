import { type Hex, isHex, size } from 'viem'
import { SsvRegistrationError } from './SsvRegistrationError.ts'

/** A 48-byte BLS public key as 0x hex (SSVNetwork reverts `InvalidPublicKeyLength` otherwise). */
export function assertValidatorPublicKey(publicKey: Hex): Hex {
  if (!isHex(publicKey, { strict: true }) || size(publicKey) !== 48) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: `validator public key ${String(publicKey).slice(0, 20)}… is not 48 bytes of 0x hex`,
    })
  }
  return publicKey.toLowerCase() as Hex
}
