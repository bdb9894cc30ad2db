import assert from 'node:assert/strict'
import { isHashKey } from './isHashKey.ts'

describe('isHashKey', () => {
  it('matches names whose last word is a hash, an id or a root', () => {
    for (const key of [
      'hash',
      'txHash',
      'paymentHash',
      'blockHash',
      'block_hash',
      'blockhash',
      'parentHash',
      'TX-HASH',
      'txHashes',
      'messageId',
      'requestID',
      'txid',
      'txids',
      'stateRoot',
    ])
      assert.equal(isHashKey(key), true, key)
  })

  it('leaves every other name alone', () => {
    for (const key of ['note', 'key', 'privateKey', 'paid', 'hashAlgorithm', 'identity', 'reason', 'raw', 'value', ''])
      assert.equal(isHashKey(key), false, key)
  })
})
