import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { planNextNonce } from './planNextNonce.ts'

describe('planNextNonce', () => {
  it('a first start with a fresh key begins at the chain pending nonce', () => {
    assert.deepEqual(
      planNextNonce({ storedNext: undefined, chainLatestNonce: 0n, chainPendingNonce: 0n, journalNonces: [] }),
      { next: 0n, changed: true },
    )
  })

  it('a pool that lost our transactions never pulls the next nonce below the stored one', () => {
    assert.deepEqual(
      planNextNonce({
        storedNext: 10n,
        chainLatestNonce: 7n,
        chainPendingNonce: 7n,
        journalNonces: [5n, 6n, 7n, 8n, 9n],
      }),
      { next: 10n, changed: false },
    )
  })

  it('nonces used outside the minter move the next nonce up to the chain pending nonce', () => {
    assert.deepEqual(
      planNextNonce({ storedNext: 3n, chainLatestNonce: 5n, chainPendingNonce: 6n, journalNonces: [0n, 1n, 2n] }),
      { next: 6n, changed: true },
    )
  })

  it('a nonce between chain latest and stored next without a journal row is a gap', () => {
    assert.throws(
      () => planNextNonce({ storedNext: 6n, chainLatestNonce: 2n, chainPendingNonce: 2n, journalNonces: [2n, 3n, 5n] }),
      (error) =>
        isChainopsError(error, 'MINT_NONCE_GAP') && /nonces without a journal row: 4 /.test(error.details ?? ''),
    )
  })

  it('a journal nonce at or above the stored next nonce is refused as a disagreement', () => {
    assert.throws(
      () => planNextNonce({ storedNext: 2n, chainLatestNonce: 0n, chainPendingNonce: 0n, journalNonces: [0n, 1n, 2n] }),
      (error) => isChainopsError(error, 'MINT_NONCE_GAP') && /journal holds nonce 2/.test(error.details ?? ''),
    )
  })
})
