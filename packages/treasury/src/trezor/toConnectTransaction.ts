import { numberToHex, type TransactionSerializableEIP1559, type TransactionSerializableLegacy } from 'viem'
import { TreasuryError } from '../errors/TreasuryError.ts'
import type { TrezorTransaction } from './TrezorTransaction.ts'

const hex = (value: bigint | number | undefined) => numberToHex(value ?? 0n)

/**
 * viem's transaction as the `transaction` parameter of `ethereumSignTransaction` (hex quantities,
 * `gasLimit`, `gasPrice` or the two EIP-1559 fees). Refuses a transaction without chainId, nonce or
 * gas (TREZOR_TRANSACTION_INVALID): the device signs exactly what it is given.
 */
export function toConnectTransaction(tx: TrezorTransaction) {
  if (tx.chainId === undefined || tx.nonce === undefined || tx.gas === undefined) {
    throw new TreasuryError({
      code: 'TREZOR_TRANSACTION_INVALID',
      shortMessage: 'a transaction for Trezor needs chainId, nonce and gas',
    })
  }
  const common = {
    to: tx.to ?? null,
    value: hex(tx.value),
    gasLimit: hex(tx.gas),
    nonce: hex(tx.nonce),
    chainId: tx.chainId,
    ...(tx.data ? { data: tx.data } : {}),
  }
  if (tx.type === 'legacy' || ('gasPrice' in tx && tx.gasPrice !== undefined)) {
    return { ...common, gasPrice: hex((tx as TransactionSerializableLegacy).gasPrice) }
  }
  const eip1559 = tx as TransactionSerializableEIP1559
  return {
    ...common,
    maxFeePerGas: hex(eip1559.maxFeePerGas),
    maxPriorityFeePerGas: hex(eip1559.maxPriorityFeePerGas),
    ...(eip1559.accessList?.length
      ? { accessList: eip1559.accessList.map((e) => ({ address: e.address, storageKeys: [...e.storageKeys] })) }
      : {}),
  }
}
