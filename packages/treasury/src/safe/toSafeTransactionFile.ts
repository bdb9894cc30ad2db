import { type Address, getAddress, type Hash, type Hex, hashTypedData } from 'viem'
import type { SafeTransaction } from './SafeTransaction.ts'
import type { SafeTransactionFile } from './SafeTransactionFile.ts'
import { safeTransactionTypedData } from './safeTransactionTypedData.ts'

export type ToSafeTransactionFileParameters = {
  chainId: number
  safeAddress: Address
  transaction: SafeTransaction
}

/**
 * The JSON file form of a Safe transaction and the signatures it holds so far (see
 * {@link SafeTransactionFile}); `safeTxHash` is computed here from the EIP-712 `SafeTx`.
 */
export function toSafeTransactionFile(parameters: ToSafeTransactionFileParameters): SafeTransactionFile {
  const { chainId, transaction } = parameters
  const safe = getAddress(parameters.safeAddress)
  const typedData = safeTransactionTypedData({ safeAddress: safe, chainId, transaction })
  const { message } = typedData
  return {
    format: 'chainops.safe-transaction.v1',
    chainId,
    safe,
    safeTxHash: hashTypedData(typedData) as Hash,
    transaction: {
      to: message.to,
      value: message.value.toString(),
      data: message.data,
      operation: message.operation === 1 ? 1 : 0,
      safeTxGas: message.safeTxGas.toString(),
      baseGas: message.baseGas.toString(),
      gasPrice: message.gasPrice.toString(),
      gasToken: message.gasToken,
      refundReceiver: message.refundReceiver,
      nonce: Number(message.nonce),
    },
    // Sorted by signer, as the Safe contract wants them, so the file reads the same whoever signed first.
    signatures: [...transaction.signatures.values()]
      .map((signature) => ({ signer: getAddress(signature.signer), data: signature.data as Hex }))
      .sort((a, b) => (a.signer.toLowerCase() < b.signer.toLowerCase() ? -1 : 1)),
  }
}
