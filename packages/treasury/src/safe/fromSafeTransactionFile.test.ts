import assert from 'node:assert/strict'
import { calculateSafeTransactionHash, EthSafeSignature, EthSafeTransaction } from '@safe-global/protocol-kit'
import { type Hex, keccak256 } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { fromSafeTransactionFile } from './fromSafeTransactionFile.ts'
import { SafeError } from './SafeError.ts'
import type { SafeTransaction } from './SafeTransaction.ts'
import { safeTransactionTypedData } from './safeTransactionTypedData.ts'
import { toSafeTransactionFile } from './toSafeTransactionFile.ts'

// Public-label test keys: anyone can recompute them, they never hold value.
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-safe-file-${label}`))
const [ownerA, ownerB] = ['a', 'b'].map((label) => privateKeyToAccount(key(label))) as [
  ReturnType<typeof privateKeyToAccount>,
  ReturnType<typeof privateKeyToAccount>,
]
const safeAddress = '0x5aFE3855358E112B5647B952709E6165e1c1eEEe'
const chainId = 2789
const data = {
  to: '0x000000000000000000000000000000000000dEaD',
  value: '1000000000000000001',
  data: '0xa9059cbb',
  operation: 0,
  safeTxGas: '0',
  baseGas: '0',
  gasPrice: '0',
  gasToken: '0x0000000000000000000000000000000000000000',
  refundReceiver: '0x0000000000000000000000000000000000000000',
  nonce: 7,
}

function rejectsWith(code: string) {
  return (error: unknown) => {
    assert.ok(error instanceof SafeError || (error as { code?: string }).code === code, String(error))
    assert.equal((error as { code: string }).code, code)
    return true
  }
}

async function signed(): Promise<SafeTransaction> {
  const transaction: SafeTransaction = new EthSafeTransaction({ ...data } as never)
  for (const owner of [ownerB, ownerA]) {
    const signature = await owner.signTypedData(safeTransactionTypedData({ safeAddress, chainId, transaction }))
    transaction.addSignature(new EthSafeSignature(owner.address, signature))
  }
  return transaction
}

describe('Safe transaction files (toSafeTransactionFile / fromSafeTransactionFile)', () => {
  it('writes the fields, the safeTxHash protocol-kit computes and the signatures sorted by signer', async () => {
    const transaction = await signed()
    const file = toSafeTransactionFile({ chainId, safeAddress, transaction })
    assert.equal(file.format, 'chainops.safe-transaction.v1')
    assert.equal(file.safe, safeAddress)
    assert.equal(file.safeTxHash, calculateSafeTransactionHash(safeAddress, transaction.data, '1.4.1', 2789n))
    assert.deepEqual(file.transaction, { ...data, to: '0x000000000000000000000000000000000000dEaD' })
    const expectedOrder = [ownerA.address, ownerB.address].sort((x, y) => (x.toLowerCase() < y.toLowerCase() ? -1 : 1))
    assert.deepEqual(
      file.signatures.map((s) => s.signer),
      expectedOrder,
    )
  })

  it('reads its own JSON back into a transaction with the same hash and signatures', async () => {
    const transaction = await signed()
    const file = toSafeTransactionFile({ chainId, safeAddress, transaction })
    const read = fromSafeTransactionFile(JSON.stringify(file, null, 2))
    assert.equal(read.chainId, 2789)
    assert.equal(read.safeAddress, safeAddress)
    assert.deepEqual(read.transaction.data, transaction.data)
    assert.equal(read.transaction.encodedSignatures(), transaction.encodedSignatures())
    assert.deepEqual(toSafeTransactionFile({ chainId, safeAddress, transaction: read.transaction }), file)
  })

  it('refuses an edited amount, recipient or chain with SAFE_TX_FILE_HASH_MISMATCH', async () => {
    const file = toSafeTransactionFile({ chainId, safeAddress, transaction: await signed() })
    const edits = [
      { ...file, transaction: { ...file.transaction, value: '2000000000000000000' } },
      { ...file, transaction: { ...file.transaction, to: ownerA.address } },
      { ...file, chainId: 1 },
    ]
    for (const edited of edits) {
      assert.throws(() => fromSafeTransactionFile(edited), rejectsWith('SAFE_TX_FILE_HASH_MISMATCH'))
    }
  })

  it('refuses non-JSON, a missing field, a wrong format tag and a repeated signer with SAFE_TX_FILE_INVALID', async () => {
    const file = toSafeTransactionFile({ chainId, safeAddress, transaction: await signed() })
    const { nonce: _nonce, ...withoutNonce } = file.transaction
    const [first] = file.signatures
    assert.ok(first)
    const bad: unknown[] = [
      '{not json',
      { ...file, transaction: withoutNonce },
      { ...file, format: 'chainops.safe-transaction.v0' },
      { ...file, transaction: { ...file.transaction, value: '-1' } },
      { ...file, signatures: [first, first] },
    ]
    for (const input of bad) assert.throws(() => fromSafeTransactionFile(input), rejectsWith('SAFE_TX_FILE_INVALID'))
  })
})
