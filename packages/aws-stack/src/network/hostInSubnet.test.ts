import assert from 'node:assert/strict'
import { hostInSubnet } from './hostInSubnet.ts'

describe('hostInSubnet', () => {
  it('adds the offset to the network address, across octets', () => {
    assert.equal(hostInSubnet('10.0.3.0/24', 10), '10.0.3.10')
    assert.equal(hostInSubnet('10.0.0.0/16', 300), '10.0.1.44')
  })
  it('refuses the addresses AWS reserves and anything outside the block', () => {
    assert.throws(() => hostInSubnet('10.0.3.0/24', 3), RangeError)
    assert.throws(() => hostInSubnet('10.0.3.0/24', 255), RangeError)
    assert.throws(() => hostInSubnet('10.0.3.0/24', 4.5), RangeError)
    assert.equal(hostInSubnet('10.0.3.0/24', 254), '10.0.3.254')
    assert.throws(() => hostInSubnet('10.0.3.1/24', 10), TypeError)
  })
})
