import { parseWith } from '@chainops/core'
import { EthSafeSignature, EthSafeTransaction } from '@safe-global/protocol-kit'
import { type Address, hashTypedData } from 'viem'
import { SafeError } from './SafeError.ts'
import type { SafeTransaction } from './SafeTransaction.ts'
import type { SafeTransactionFile } from './SafeTransactionFile.ts'
import { SafeTransactionFileSchema } from './SafeTransactionFileSchema.ts'
import { safeTransactionTypedData } from './safeTransactionTypedData.ts'

export type FromSafeTransactionFileReturnType = {
  file: SafeTransactionFile
  chainId: number
  safeAddress: Address
  /** A protocol-kit transaction holding the file's signatures, ready to sign, collect or execute. */
  transaction: SafeTransaction
}

export type FromSafeTransactionFileErrorType = SafeError

/**
 * Reads a Safe transaction file (a JSON string or its parsed value): the schema is checked
 * (SAFE_TX_FILE_INVALID, naming the field and never echoing a value) and the `safeTxHash` the
 * file claims must be the hash of its own fields (SAFE_TX_FILE_HASH_MISMATCH), so an edited
 * amount or recipient is caught before anyone signs it. Signatures are checked against the Safe's
 * owners later, by `signSafeTransaction` and `executeSafeTransaction`.
 */
export function fromSafeTransactionFile(input: unknown): FromSafeTransactionFileReturnType {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (cause) {
      throw new SafeError({
        code: 'SAFE_TX_FILE_INVALID',
        shortMessage: 'the Safe transaction file is not JSON',
        cause,
      })
    }
  }
  const file = parseWith(SafeTransactionFileSchema, value, {
    code: 'SAFE_TX_FILE_INVALID',
    what: 'Safe transaction file',
  })
  const transaction: SafeTransaction = new EthSafeTransaction({ ...file.transaction })
  const computed = hashTypedData(
    safeTransactionTypedData({ safeAddress: file.safe, chainId: file.chainId, transaction }),
  )
  if (computed !== file.safeTxHash.toLowerCase()) {
    throw new SafeError({
      code: 'SAFE_TX_FILE_HASH_MISMATCH',
      shortMessage: 'the Safe transaction file’s safeTxHash is not the hash of its fields',
      details: `the file says ${file.safeTxHash}, its fields hash to ${computed}`,
    })
  }
  const signers = new Set<string>()
  for (const signature of file.signatures) {
    if (signers.has(signature.signer)) {
      throw new SafeError({
        code: 'SAFE_TX_FILE_INVALID',
        shortMessage: `the Safe transaction file holds two signatures of ${signature.signer}`,
      })
    }
    signers.add(signature.signer)
    transaction.addSignature(new EthSafeSignature(signature.signer, signature.data))
  }
  return { file, chainId: file.chainId, safeAddress: file.safe, transaction }
}
