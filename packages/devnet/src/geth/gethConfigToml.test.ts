import assert from 'node:assert/strict'
import { gethConfigToml } from './gethConfigToml.ts'

describe('gethConfigToml', () => {
  it('makes every other node a static and trusted peer and caps the peer count at their number', () => {
    assert.equal(
      gethConfigToml(['enode://a@127.0.0.1:1', 'enode://b@127.0.0.1:2']),
      [
        '[Node.P2P]',
        'MaxPeers = 2',
        'DialRatio = 1',
        'StaticNodes = ["enode://a@127.0.0.1:1", "enode://b@127.0.0.1:2"]',
        'TrustedNodes = ["enode://a@127.0.0.1:1", "enode://b@127.0.0.1:2"]',
        '',
      ].join('\n'),
    )
  })
})
