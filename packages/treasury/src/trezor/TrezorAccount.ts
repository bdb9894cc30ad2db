import type { Address, Hex, TypedDataDefinition } from 'viem'
import type { TrezorTransaction } from './TrezorTransaction.ts'

/** One key of the layout held by the Trezor: fits `SafeOwnerSigner` (address + signTypedData). */
export type TrezorAccount = {
  readonly tier: string
  readonly role: string
  readonly path: string
  readonly address: Address
  signTypedData(typedData: TypedDataDefinition): Promise<Hex>
  signTransaction(transaction: TrezorTransaction): Promise<Hex>
}
