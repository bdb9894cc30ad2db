import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { mintOpenKey } from './mintOpenKey.ts'

describe('mintOpenKey: the open-row index key', () => {
  const sender = '0x00000000000000000000000000000000000000AA'

  it('is the lowercase sender, #, and the nonce padded to 20 digits', () => {
    assert.equal(mintOpenKey(sender, 7n), '0x00000000000000000000000000000000000000aa#00000000000000000007')
    assert.equal(mintOpenKey(sender, '18446744073709551615'), `${sender.toLowerCase()}#18446744073709551615`)
  })

  it('sorts one sender\u2019s rows by nonce in key (byte) order, and without a nonce is their prefix', () => {
    const keys = [10n, 9n, 100n, 0n].map((nonce) => mintOpenKey(sender, nonce))
    assert.deepEqual(
      [...keys].sort(),
      [0n, 9n, 10n, 100n].map((nonce) => mintOpenKey(sender, nonce)),
    )
    for (const key of keys) assert.ok(key.startsWith(mintOpenKey(sender)))
    assert.ok(!mintOpenKey('0x00000000000000000000000000000000000000ab', 1n).startsWith(mintOpenKey(sender)))
  })
})
