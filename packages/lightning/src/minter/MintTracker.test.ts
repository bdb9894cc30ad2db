import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { getAddress } from 'viem'
import type { MintOutcome } from './Minter.ts'
import type { MintJob } from './MintJob.ts'
import { MintTracker } from './MintTracker.ts'

function job(hashByte: string, nonce: bigint): MintJob {
  return {
    paymentHash: hashByte.repeat(32),
    to: getAddress('0x00000000000000000000000000000000000000bb'),
    valueWei: 1n,
    nonce,
    gas: 21_000n,
    variants: [
      {
        rawTx: '0x02',
        txHash: `0x${hashByte.toUpperCase().repeat(32)}`,
        maxFeePerGas: '1',
        maxPriorityFeePerGas: '1',
        at: '2030-01-01T00:00:00.000Z',
      },
    ],
    lastSentAt: 0,
    sending: false,
    signedAtBlock: 0n,
    waiters: [],
  }
}

const minted = (paymentHash: string): MintOutcome => ({
  paymentHash,
  status: 'minted',
  txHash: `0x${'ff'.repeat(32)}`,
  block: 1n,
})

describe('MintTracker', () => {
  it('finds a tracked job by payment hash and by any variant hash in any case; lists by nonce', () => {
    const tracker = new MintTracker()
    const [a, b] = [job('aa', 5n), job('bb', 2n)]
    tracker.track(a)
    tracker.track(b)
    const bump = { ...(a.variants[0] as MintJob['variants'][number]), txHash: `0x${'cc'.repeat(32)}` as const }
    tracker.addVariant(a, bump)
    assert.equal(tracker.size, 2)
    assert.equal(tracker.job(a.paymentHash), a)
    assert.equal(tracker.byTxHash(`0x${'aa'.repeat(32)}`), a)
    assert.equal(tracker.byTxHash(`0x${'CC'.repeat(32)}`), a, 'a fee bump is matched too')
    assert.deepEqual(
      tracker.byNonce().map((j) => j.nonce),
      [2n, 5n],
    )
    assert.deepEqual(tracker.jobs(), [a, b], 'in the order tracked')
  })

  it('settling answers the waiters, forgets the job and every variant, and remembers the outcome', async () => {
    const tracker = new MintTracker()
    const a = job('aa', 0n)
    tracker.track(a)
    const waited = new Promise<MintOutcome>((resolve) => a.waiters.push(resolve))
    tracker.settle(a, minted(a.paymentHash))
    assert.deepEqual(await waited, minted(a.paymentHash))
    assert.equal(tracker.job(a.paymentHash), undefined)
    assert.equal(tracker.byTxHash(`0x${'aa'.repeat(32)}`), undefined)
    assert.equal(tracker.isTracked(a), false)
    assert.deepEqual(tracker.recent(a.paymentHash), minted(a.paymentHash))
  })

  it('isTracked is false for a stale copy of a job tracked again', () => {
    const tracker = new MintTracker()
    const first = job('aa', 0n)
    const again = job('aa', 0n)
    tracker.track(first)
    tracker.track(again)
    assert.equal(tracker.isTracked(first), false)
    assert.equal(tracker.isTracked(again), true)
  })

  it('keeps at most recentLimit outcomes, dropping the oldest', () => {
    const tracker = new MintTracker(2)
    for (const byte of ['aa', 'bb', 'cc']) {
      const j = job(byte, 0n)
      tracker.track(j)
      tracker.settle(j, minted(j.paymentHash))
    }
    assert.equal(tracker.recent('aa'.repeat(32)), undefined)
    assert.ok(tracker.recent('bb'.repeat(32)))
    assert.ok(tracker.recent('cc'.repeat(32)))
  })
})
