import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { isChainopsError } from '@chainops/core'
import { describe, it } from 'mocha'
import { assignSendingKey } from './assignSendingKey.ts'
import { resolveSendingKeys } from './resolveSendingKeys.ts'

const A = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const B = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
const C = '0x0000000000000000000000000000000000000003'

describe('assignSendingKey', () => {
  it('is the payment hash\u2019s first 64 bits modulo K, the same on every call', () => {
    const hash = `00000000000000ff${'0'.repeat(48)}`
    assert.equal(assignSendingKey({ paymentHash: hash, senders: [A, B, C] }), [A, B, C][255 % 3])
    assert.equal(assignSendingKey({ paymentHash: hash, senders: [A] }), A)
  })

  it('spreads 3,000 random payment hashes evenly over 3 keys (each within 10% of a third)', () => {
    const counts = new Map<string, number>()
    for (let i = 0; i < 3000; i++) {
      const key = assignSendingKey({ paymentHash: randomBytes(32).toString('hex'), senders: [A, B, C] })
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    for (const key of [A, B, C]) {
      const count = counts.get(key) ?? 0
      assert.ok(count > 900 && count < 1100, `${key}: ${count}`)
    }
  })

  it('refuses a malformed payment hash with SETTLE_INVALID_PARAMETERS', () => {
    assert.throws(
      () => assignSendingKey({ paymentHash: 'AB'.repeat(32), senders: [A] }),
      (error) => isChainopsError(error, 'SETTLE_INVALID_PARAMETERS'),
    )
  })
})

describe('resolveSendingKeys', () => {
  const refused = (senders: string | readonly string[], pattern: RegExp) =>
    assert.throws(
      () => resolveSendingKeys(senders, 'sendingKeys', 'ISSUANCE_CONFIG_INVALID'),
      (error) => {
        assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
        assert.match(error.details ?? '', pattern)
        return true
      },
    )

  it('takes one address or a list, checksummed', () => {
    assert.deepEqual(resolveSendingKeys(A.toLowerCase(), 'sendingKeys', 'ISSUANCE_CONFIG_INVALID'), [A])
    assert.deepEqual(resolveSendingKeys([A, B], 'sendingKeys', 'ISSUANCE_CONFIG_INVALID'), [A, B])
  })

  it('refuses K = 0, a key listed twice (in any case) and a malformed address, naming the setting', () => {
    refused([], /^sendingKeys: .*K = 0/)
    refused([A, B, A.toLowerCase()], /^sendingKeys: .*listed twice \(entries 0 and 2\)/)
    refused([A, '0x123'], /^sendingKeys: entry 1 is not an address/)
  })
})
