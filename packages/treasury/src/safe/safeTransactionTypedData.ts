import { type Address, getAddress, type Hex } from 'viem'
import type { SafeTransaction } from './SafeTransaction.ts'

export type SafeTransactionTypedDataParameters = {
  safeAddress: Address
  chainId: bigint | number
  transaction: SafeTransaction
}

/**
 * The EIP-712 `SafeTx` an owner signs (Safe >= 1.3.0: the domain is chain id + Safe address).
 * A hardware wallet shows exactly these fields, so they are kept explicit rather than hidden in
 * protocol-kit: `signSafeTransaction` also checks the hash against the Safe contract's own.
 */
export function safeTransactionTypedData(parameters: SafeTransactionTypedDataParameters) {
  const { data } = parameters.transaction
  return {
    domain: { chainId: Number(parameters.chainId), verifyingContract: getAddress(parameters.safeAddress) },
    types: {
      SafeTx: [
        { name: 'to', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'data', type: 'bytes' },
        { name: 'operation', type: 'uint8' },
        { name: 'safeTxGas', type: 'uint256' },
        { name: 'baseGas', type: 'uint256' },
        { name: 'gasPrice', type: 'uint256' },
        { name: 'gasToken', type: 'address' },
        { name: 'refundReceiver', type: 'address' },
        { name: 'nonce', type: 'uint256' },
      ],
    },
    primaryType: 'SafeTx',
    message: {
      to: getAddress(data.to),
      value: BigInt(data.value),
      data: data.data as Hex,
      operation: Number(data.operation),
      safeTxGas: BigInt(data.safeTxGas),
      baseGas: BigInt(data.baseGas),
      gasPrice: BigInt(data.gasPrice),
      gasToken: getAddress(data.gasToken),
      refundReceiver: getAddress(data.refundReceiver),
      nonce: BigInt(data.nonce),
    },
  } as const
}

export type SafeTransactionTypedData = ReturnType<typeof safeTransactionTypedData>
