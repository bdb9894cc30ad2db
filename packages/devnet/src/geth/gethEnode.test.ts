import assert from 'node:assert/strict'
import { gethEnode } from './gethEnode.ts'

describe('gethEnode', () => {
  it('is the uncompressed public key without 0x04 at 127.0.0.1 and the p2p port (key 1 gives the generator point G)', () => {
    const key = `0x${'00'.repeat(31)}01` as const
    assert.equal(
      gethEnode(key, 30303),
      'enode://79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798' +
        '483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8@127.0.0.1:30303',
    )
  })
})
