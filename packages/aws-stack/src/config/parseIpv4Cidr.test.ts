import assert from 'node:assert/strict'
import { parseIpv4Cidr } from './parseIpv4Cidr.ts'

describe('parseIpv4Cidr', () => {
  it('reads network and prefix of aligned blocks', () => {
    assert.deepEqual(parseIpv4Cidr('10.0.0.0/16'), { network: 0x0a000000, prefix: 16 })
    assert.deepEqual(parseIpv4Cidr('203.0.113.7/32'), { network: 0xcb007107, prefix: 32 })
    assert.deepEqual(parseIpv4Cidr('0.0.0.0/0'), { network: 0, prefix: 0 })
    assert.deepEqual(parseIpv4Cidr('255.255.255.255/32'), { network: 0xffffffff, prefix: 32 })
  })
  for (const value of [
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0/8',
    '256.0.0.0/8',
    '10.0.0.01/32',
    '10.0.0.1/24',
    ' 10.0.0.0/16',
    '10.0.0.0/-1',
    'a.b.c.d/8',
  ]) {
    it(`refuses ${JSON.stringify(value)}`, () => assert.equal(parseIpv4Cidr(value), undefined))
  }
})
