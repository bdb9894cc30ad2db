import type { LocalAccount } from 'viem'
import type { EthersSigner } from './EthersSigner.ts'
import { fromEthersSigner } from './fromEthersSigner.ts'
import { isEthersSigner } from './isEthersSigner.ts'

/**
 * The boundary of every chainops API that takes a viem account (or a signer of that shape, such as
 * a Safe owner signer): anything else is returned as it is, an ethers v6 signer becomes a viem
 * local account that signs through it (`fromEthersSigner`).
 */
export async function toViemAccount<TAccount extends object>(
  account: TAccount | EthersSigner,
): Promise<TAccount | LocalAccount> {
  return isEthersSigner(account) ? fromEthersSigner(account) : account
}
