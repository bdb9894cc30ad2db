import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { createInvoice, getInvoice, pay } from 'lightning'
import { DevnetError } from '../src/DevnetError.ts'
import type { LightningRegtest } from '../src/lightning/startLightningRegtest.ts'
import { startLightningRegtest } from '../src/lightning/startLightningRegtest.ts'
import { isPidAlive } from '../src/process/Daemon.ts'

describe('startLightningRegtest @integration', function () {
  this.timeout(180_000)
  let net: LightningRegtest | undefined

  before(async () => {
    const t0 = Date.now()
    net = await startLightningRegtest({
      label: 'lightning-test',
      nodes: [{ name: 'alice' }, { name: 'bob' }, { name: 'carol', neutrino: true }],
      channels: [
        { from: 'alice', to: 'bob', capacitySats: 1_000_000n },
        { from: 'carol', to: 'bob', capacitySats: 500_000n, pushSats: 10_000n },
      ],
    })
    console.log(`      (stack of btcd + 3 lnd with 2 channels started in ${Date.now() - t0} ms)`)
  })

  after(async () => {
    await net?.stop()
  })

  async function payThroughChannel(payer: string, amount: number) {
    if (!net) throw new Error('stack did not start')
    const bob = net.nodes.bob
    const from = net.nodes[payer]
    assert.ok(bob && from)
    const invoice = await createInvoice({ lnd: bob.lnd, tokens: amount, description: `from ${payer}` })
    const paid = await pay({ lnd: from.lnd, request: invoice.request })
    assert.equal(paid.tokens, amount)
    const settled = await getInvoice({ lnd: bob.lnd, id: invoice.id })
    assert.equal(settled.is_confirmed, true)
    assert.equal(settled.received, amount)
    assert.equal(settled.received_mtokens, `${amount * 1000}`)
  }

  it('alice (btcd backend) pays a bob invoice of 12,345 sats through their channel', async () => {
    await payThroughChannel('alice', 12_345)
  })

  it('carol (neutrino backend) pays a bob invoice of 4,321 sats through their channel', async () => {
    assert.equal(net?.nodes.carol?.neutrino, true)
    await payThroughChannel('carol', 4_321)
  })

  it('stop() leaves no daemon PID alive and removes the temp dir', async () => {
    assert.ok(net)
    const pids = net.pids()
    assert.equal(pids.length, 4)
    assert.ok(pids.every(isPidAlive))
    await net.stop()
    assert.deepEqual(
      pids.filter((pid) => isPidAlive(pid)),
      [],
    )
    assert.equal(existsSync(net.dir), false)
  })
})

describe('startLightningRegtest options', () => {
  const cases: [string, Parameters<typeof startLightningRegtest>[0], RegExp][] = [
    ['an empty node list', { nodes: [] }, /non-empty/],
    ['a duplicate node name', { nodes: [{ name: 'a' }, { name: 'a' }] }, /appears twice/],
    [
      'a channel to an unknown node',
      { channels: [{ from: 'alice', to: 'zed', capacitySats: 100_000n }] },
      /is not a node/,
    ],
    ['a channel to itself', { channels: [{ from: 'alice', to: 'alice', capacitySats: 100_000n }] }, /to itself/],
    [
      'a capacity below 20,000 sats',
      { channels: [{ from: 'alice', to: 'bob', capacitySats: 19_999n }] },
      /capacitySats/,
    ],
    [
      'a push equal to the capacity',
      { channels: [{ from: 'alice', to: 'bob', capacitySats: 100_000n, pushSats: 100_000n }] },
      /pushSats/,
    ],
  ]
  for (const [what, options, message] of cases) {
    it(`refuses ${what} with DEVNET_BAD_OPTIONS before starting anything`, async () => {
      await assert.rejects(startLightningRegtest(options), (error: unknown) => {
        assert.ok(error instanceof DevnetError)
        assert.equal(error.code, 'DEVNET_BAD_OPTIONS')
        assert.match(error.shortMessage, message)
        return true
      })
    })
  }
})
