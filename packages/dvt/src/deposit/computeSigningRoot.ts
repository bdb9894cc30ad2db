import { DepositError } from './DepositError.ts'
import { SigningData } from './SigningData.ts'

/** The phase0 signing root: the `SigningData` root of an object's hash tree root and a 32-byte domain. */
export function computeSigningRoot(objectRoot: Uint8Array, domain: Uint8Array): Uint8Array {
  if (objectRoot.length !== 32 || domain.length !== 32)
    throw new DepositError({
      code: 'DEPOSIT_INVALID_INPUT',
      shortMessage: 'a signing root is built from a 32-byte root and a 32-byte domain',
      details: `got a ${objectRoot.length}-byte root and a ${domain.length}-byte domain`,
    })
  return SigningData.hashTreeRoot({ objectRoot, domain })
}
