import type { Hex, TypedDataDefinition } from 'viem'
import type { DerivedRole } from '../derive/DerivedRole.ts'
import type { TrezorAccount } from './TrezorAccount.ts'
import type { TrezorTransaction } from './TrezorTransaction.ts'

/** The layout's keys on a Trezor: addresses, accounts and signatures per tier and path. */
export type TrezorSigner = {
  /** The device instance that holds `tier`'s hidden wallet: one instance per passphrase. */
  instanceOf(tier: string): number
  /** Every role of `tier` with the address the device reports (one bundled `ethereumGetAddress`). */
  getAddresses(tier: string): Promise<DerivedRole[]>
  account(parameters: { tier: string; path: string }): Promise<TrezorAccount>
  signTransaction(parameters: { tier: string; path: string; transaction: TrezorTransaction }): Promise<Hex>
  signTypedData(parameters: { tier: string; path: string; typedData: TypedDataDefinition }): Promise<Hex>
  /** Stops answering passphrase requests. */
  close(): void
}
