import type { Address, Hex } from 'viem'
import type { SafeTransactionTypedData } from './safeTransactionTypedData.ts'

/**
 * What signs for one Safe owner. A viem local account fits as is (tests, software keys); the
 * Trezor signer implements it over `ethereumSignTypedData` with the owner's tier passphrase.
 */
export type SafeOwnerSigner = {
  address: Address
  signTypedData(typedData: SafeTransactionTypedData): Promise<Hex>
}
