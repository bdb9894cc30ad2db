import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { pollUntil } from './pollUntil.ts'

describe('pollUntil', () => {
  it('resolves with the first value that is neither undefined nor false', async () => {
    let calls = 0
    const value = await pollUntil({
      description: 'the third call',
      condition: () => (++calls === 3 ? { calls } : calls === 1 ? undefined : false),
      intervalMs: 1,
    })
    assert.deepEqual(value, { calls: 3 })
  })

  it('counts a throw as not yet and keeps polling', async () => {
    let calls = 0
    const value = await pollUntil({
      description: 'a daemon that answers on the second call',
      condition: async () => {
        if (++calls === 1) throw new Error('ECONNREFUSED')
        return 'up'
      },
      intervalMs: 1,
    })
    assert.equal(value, 'up')
    assert.equal(calls, 2)
  })

  it('times out with TESTKIT_POLL_TIMEOUT naming the description, the last throw as cause', async () => {
    const refused = new Error('ECONNREFUSED 127.0.0.1:8545')
    await assert.rejects(
      pollUntil({
        description: 'block 5',
        condition: () => {
          throw refused
        },
        timeoutMs: 30,
        intervalMs: 5,
      }),
      (error: unknown) =>
        isChainopsError(error, 'TESTKIT_POLL_TIMEOUT') &&
        error.shortMessage === 'timed out after 30 ms waiting for block 5' &&
        error.details === 'the last check threw: ECONNREFUSED 127.0.0.1:8545' &&
        error.cause === refused,
    )
  })

  it('has no cause when the last check answered "not yet" rather than throwing', async () => {
    let calls = 0
    await assert.rejects(
      pollUntil({
        description: 'never',
        condition: () => {
          if (++calls === 1) throw new Error('first')
          return false
        },
        timeoutMs: 20,
        intervalMs: 5,
      }),
      (error: unknown) =>
        isChainopsError(error, 'TESTKIT_POLL_TIMEOUT') && error.cause === undefined && error.details === undefined,
    )
  })

  it('checks once more at the deadline, so a zero timeout still checks once', async () => {
    let calls = 0
    assert.equal(await pollUntil({ description: 'one check', condition: () => ++calls, timeoutMs: 0 }), 1)
  })
})
