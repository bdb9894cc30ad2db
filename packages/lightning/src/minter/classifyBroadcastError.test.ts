import assert from 'node:assert/strict'
import { classifyBroadcastError } from './classifyBroadcastError.ts'

describe('classifyBroadcastError', () => {
  const cases: Array<[string, unknown, ReturnType<typeof classifyBroadcastError>]> = [
    ['geth "already known" on a rebroadcast', new Error('already known'), 'known'],
    [
      'geth "nonce too low" wrapped in a cause chain',
      new Error('RPC error', { cause: { details: 'nonce too low: address 0xabc, tx: 4 state: 9' } }),
      'nonceTooLow',
    ],
    [
      'geth "replacement transaction underpriced"',
      { shortMessage: 'replacement transaction underpriced' },
      'underpriced',
    ],
    [
      'a refused connection',
      new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }),
      'unavailable',
    ],
    [
      'geth "insufficient funds" needs an operator',
      new Error('insufficient funds for gas * price + value'),
      'rejected',
    ],
    ['a non-error value', 'weird', 'rejected'],
  ]
  for (const [name, error, expected] of cases) {
    it(`${name} -> ${expected}`, () => assert.equal(classifyBroadcastError(error), expected))
  }
})
