import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInvoice, getInvoice, getRouteToDestination, pay } from 'lightning'
import { DevnetError } from '../src/DevnetError.ts'
import type { LightningRegtest } from '../src/lightning/startLightningRegtest.ts'
import { startLightningRegtest } from '../src/lightning/startLightningRegtest.ts'
import { isPidAlive } from '../src/process/Daemon.ts'
import { pollUntil } from '../src/process/pollUntil.ts'

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

  it('restart() gives bob a new PID on the same socket and alice pays him again once the channel is back', async () => {
    assert.ok(net?.nodes.bob && net.nodes.alice)
    const { bob, alice } = net.nodes
    const before = { pid: bob.pid, socket: bob.socket, publicKey: bob.publicKey }
    await bob.restart()
    assert.notEqual(bob.pid, before.pid)
    assert.equal(isPidAlive(before.pid), false)
    assert.equal(bob.socket, before.socket)
    assert.equal(bob.publicKey, before.publicKey)
    await pollUntil('a route alice->bob after the restart', async () => {
      const { route } = await getRouteToDestination({ lnd: alice.lnd, destination: bob.publicKey, tokens: 1 })
      return route !== undefined
    })
    await payThroughChannel('alice', 777)
  })

  it('no log file carries the btcd RPC password or an admin macaroon', () => {
    assert.ok(net)
    const logs = (readdirSync(net.dir, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.log'))
      .map((path) => readFileSync(join(net?.dir ?? '', path), 'utf8'))
    assert.ok(logs.length >= 5) // btcd stdout and its own log, and each lnd's stdout
    const secrets = [net.btcd.rpcPass.reveal()]
    for (const node of Object.values(net.nodes)) {
      const macaroon = node.macaroon.reveal()
      secrets.push(macaroon, Buffer.from(macaroon, 'base64').toString('hex'))
    }
    assert.equal(secrets.length, 7)
    for (const secret of secrets)
      assert.equal(
        logs.some((log) => log.includes(secret)),
        false,
      )
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

describe('startLightningRegtest failing midway @integration', () => {
  it('stops btcd, keeps the dir and reports the step, without the RPC password in the error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chainops-lightning-fail-'))
    // A file where alice's lnddir should go: btcd starts, then lnd cannot.
    writeFileSync(join(dir, 'alice'), 'not a directory')
    try {
      const error = await startLightningRegtest({ dir, nodes: [{ name: 'alice' }], channels: [] }).then(
        () => assert.fail('started despite a file in the way'),
        (error: unknown) => error,
      )
      assert.ok(error instanceof DevnetError)
      assert.equal(error.code, 'DEVNET_DAEMON_START_FAILED')
      assert.match(error.shortMessage, /^lightning regtest failed to start lnd: /)
      assert.match(error.details ?? '', new RegExp(`dir kept: ${dir}`))
      assert.equal(existsSync(join(dir, 'btcd', 'btcd.conf')), true)
      const rpcPass = /rpcpass=(\w+)/.exec(readFileSync(join(dir, 'btcd', 'btcd.conf'), 'utf8'))?.[1]
      assert.ok(rpcPass && rpcPass.length === 36)
      assert.equal(`${error.shortMessage}\n${error.details}\n${error.stack}`.includes(rpcPass), false)
      // No process is left running on anything in this dir.
      const running = readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)
          } catch {
            return false
          }
        })
      assert.deepEqual(running, [])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
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
