import type { TypedDataDefinition } from 'viem'
import type { TrezorSigner } from '../trezor/TrezorSigner.ts'
import type { SafeOwnerSigner } from './SafeOwnerSigner.ts'

export type TrezorSafeOwnerSignerParameters = {
  /** The tier whose hidden wallet holds the owner key, e.g. `MasterAdminVault`. */
  tier: string
  /** The owner's path in that tier, e.g. `m/44'/60'/0'/0/1` (SafeOwner2); refused unless the layout names it. */
  path: string
}

export type TrezorSafeOwnerSigner = SafeOwnerSigner & {
  readonly tier: string
  readonly role: string
  readonly path: string
}

/**
 * A Safe owner whose key stays on the Trezor: `signSafeTransaction` hands it the EIP-712 `SafeTx`
 * and the device signs it with `ethereumSignTypedData` under the tier's passphrase. The address
 * is the one the device reports for the path (asked once, here), so a device opened with another
 * tier's passphrase yields another address, which the Safe refuses as a non-owner before anything
 * is signed.
 */
export async function trezorSafeOwnerSigner(
  signer: TrezorSigner,
  parameters: TrezorSafeOwnerSignerParameters,
): Promise<TrezorSafeOwnerSigner> {
  const account = await signer.account(parameters)
  return {
    tier: account.tier,
    role: account.role,
    path: account.path,
    address: account.address,
    signTypedData: (typedData) => account.signTypedData(typedData as unknown as TypedDataDefinition),
  }
}
