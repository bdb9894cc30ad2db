import type { TransactionSerializableEIP1559, TransactionSerializableLegacy } from 'viem'

/** A transaction the Trezor signs: EIP-1559 or legacy (EIP-155), with chainId, nonce and gas set. */
export type TrezorTransaction = TransactionSerializableEIP1559 | TransactionSerializableLegacy
