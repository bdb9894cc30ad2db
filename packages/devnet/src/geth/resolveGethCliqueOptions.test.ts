import assert from 'node:assert/strict'
import { privateKeyToAccount } from 'viem/accounts'
import { resolveGethCliqueOptions } from './resolveGethCliqueOptions.ts'

describe('resolveGethCliqueOptions', () => {
  it('applies the defaults: chain 2789, 30M gas, an RPC node, 10^24 wei for a generated faucet', () => {
    const o = resolveGethCliqueOptions({ sealers: 2, period: 1 })
    assert.equal(o.chainId, 2789)
    assert.equal(o.gasLimit, 30_000_000n)
    assert.equal(o.rpcNode, true)
    assert.equal(o.ws, false)
    assert.equal(o.label, 'geth')
    assert.equal(o.faucet.balanceWei, 10n ** 24n)
    assert.equal(o.sealerKeys.length, 2)
    assert.equal(new Set(o.sealerAddresses).size, 2)
    assert.equal(privateKeyToAccount(o.faucet.privateKey.reveal()).address, o.faucet.address)
  })

  it('keeps pinned sealer and faucet keys and derives their addresses', () => {
    const sealerKey = `0x${'11'.repeat(32)}` as const
    const faucetKey = `0x${'22'.repeat(32)}` as const
    const o = resolveGethCliqueOptions({ sealers: 1, period: 1, sealerKeys: [sealerKey], faucetKey })
    assert.equal(o.sealerKeys[0]!.reveal(), sealerKey)
    assert.deepEqual(o.sealerAddresses, [privateKeyToAccount(sealerKey).address])
    assert.equal(o.faucet.address, privateKeyToAccount(faucetKey).address)
  })

  it('wraps keys so they never print', () => {
    const o = resolveGethCliqueOptions({ sealers: 1, period: 1, faucetKey: `0x${'22'.repeat(32)}` })
    assert.equal(
      JSON.stringify({ key: o.faucet.privateKey, sealer: o.sealerKeys[0] }),
      '{"key":"[redacted]","sealer":"[redacted]"}',
    )
  })
})
