import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  buildGenesis,
  type Genesis,
  getSigners,
  getSnapshot,
  propose,
  recoverSealer,
  sealerHealth,
} from '@chainops/clique'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { type Address, createPublicClient, getAddress, type Hex, http, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const PERIOD = 1
// Fixed keys so a failure can be replayed; these accounts exist only on the throwaway devnet.
const keys: Hex[] = [1, 2, 3, 4].map((n) => `0x${(0xc11c0e00 + n).toString(16).padStart(64, '0')}` as Hex)
const addresses = keys.map((k) => privateKeyToAccount(k).address)

const clientOf = (url: string): PublicClient => createPublicClient({ transport: http(url, { retryCount: 0 }) })

// Block 1 is due at genesis time + period. With a genesis time in the past every sealer seals
// block 1 the moment it starts, before the nodes have peered; two sealers then each hold their
// own block 1, have both "signed recently" and wait for each other for ever. A genesis a few
// seconds ahead lets them peer first.
function genesisFor(signers: readonly Address[]): Genesis {
  const timestamp = BigInt(Math.floor(Date.now() / 1000))
  return buildGenesis({ chainId: 2789, sealers: signers, period: PERIOD, timestamp })
}

function waitForHead(client: PublicClient, atLeast: bigint, timeoutMs = 30_000): Promise<bigint> {
  return pollUntil({
    description: `a head of at least ${atLeast}`,
    condition: async () => {
      const head = await client.getBlockNumber({ cacheTime: 0 })
      return head >= atLeast ? head : undefined
    },
    timeoutMs,
    intervalMs: 250,
  })
}

async function rpcError(
  url: string,
  method: string,
  params: unknown[] = [],
): Promise<{ code: number; message: string } | undefined> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  })
  const body = (await response.json()) as { error?: { code: number; message: string } }
  return body.error
}

describe('Clique on real geth v1.13.15 @integration', function () {
  this.timeout(300_000)

  describe('3 sealers + 1 RPC node', () => {
    let net: GethCliqueNetwork
    let sealer0: PublicClient
    const [s0, s1, s2] = keys as [Hex, Hex, Hex]

    /**
     * Stops sealer `index` right after a block sealed by another signer, when the next block is
     * due from a live in-turn signer. Stopped at any other moment, the two live sealers may both be
     * allowed to seal the next block out of turn (the stopped one sealed the last); if they do so
     * within each other's propagation delay, each keeps its own equal-difficulty block (geth
     * preserves local blocks on a tie) and has "signed recently" on its fork: Clique then stalls
     * until a third signer returns. That is a liveness limit of Clique itself, not what this test is
     * about; an operator breaks such a stall by bringing a third signer back. sealerHealth, given
     * the sealers' own clients, reports it as CLIQUE_FORK_STALL (forkStall.test.ts reproduces it).
     */
    async function stopAtSafeMoment(client: PublicClient, index: number): Promise<void> {
      const sorted = addresses.slice(0, 3).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
      const leaving = getAddress(addresses[index] as Address)
      const deadline = Date.now() + 30_000
      let seen = -1n
      for (;;) {
        const block = await client.getBlock({ blockTag: 'latest' })
        if (block.number !== seen) {
          seen = block.number
          const sealer = await recoverSealer(block)
          const nextInTurn = getAddress(sorted[Number((block.number + 1n) % 3n)] as Address)
          if (sealer !== leaving && nextInTurn !== leaving) break
        }
        assert.ok(Date.now() < deadline, 'no safe moment to stop a sealer in 30 s')
        await sleep(50)
      }
      await net.stopNode(index)
    }

    before(async () => {
      net = await startGethClique({
        sealers: 3,
        period: PERIOD,
        genesis: genesisFor(addresses.slice(0, 3)),
        sealerKeys: [s0, s1, s2],
      })
      sealer0 = clientOf(net.sealers[0]?.rpcUrl as string)
    })
    after(async () => {
      await net?.stop()
    })

    it('reads the three genesis signers with getSigners and getSnapshot', async () => {
      const sorted = addresses.slice(0, 3).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
      assert.deepEqual(await getSigners(sealer0), sorted)
      const snapshot = await getSnapshot(sealer0)
      assert.deepEqual(snapshot.signers, sorted)
      assert.ok(snapshot.number >= 1n)
    })

    it('the RPC node refuses clique_propose, admin_addPeer, personal_unlockAccount, miner_start and debug_*, and serves eth_*', async () => {
      const url = net.rpc?.rpcUrl as string
      for (const [method, params] of [
        ['clique_propose', [addresses[3], true]],
        ['admin_addPeer', ['enode://00@127.0.0.1:1']],
        ['personal_unlockAccount', [addresses[0], 'x', 1]],
        ['miner_start', []],
        ['debug_traceBlockByNumber', ['0x1', {}]],
        ['debug_getRawHeader', ['0x1']],
      ] as const) {
        const error = await rpcError(url, method, [...params])
        assert.equal(error?.code, -32601, `${method} answered ${JSON.stringify(error)}`)
      }
      assert.equal(await rpcError(url, 'eth_blockNumber'), undefined)
      assert.ok((await clientOf(url).getBlockNumber()) >= 1n)
    })

    it('keeps sealing with one sealer down, sealerHealth names it, and halts with two down until one returns', async () => {
      await stopAtSafeMoment(sealer0, 2)
      const stoppedAt = await sealer0.getBlockNumber({ cacheTime: 0 })
      const head = await waitForHead(sealer0, stoppedAt + 8n)
      const window = Number(head - stoppedAt - 1n)
      const report = await sealerHealth(sealer0, { blocks: window, period: PERIOD })
      const down = report.signers.find((s) => s.address === getAddress(addresses[2] as Address))
      assert.equal(down?.lastSealed, null)
      assert.ok(
        (down?.missedTurns ?? 0) >= 1,
        JSON.stringify(report.signers, (_, v) => (typeof v === 'bigint' ? `${v}` : v)),
      )
      assert.equal(report.live, 2)
      assert.equal(report.quorum, 2)
      assert.ok(
        report.warnings.some((w) => w.includes('exactly the quorum of 2')),
        report.warnings.join('\n'),
      )
      for (const live of report.signers.filter((s) => s !== down)) assert.ok(live.lastSealed !== null)

      await net.stopNode(1)
      await sleep(2 * PERIOD * 1000)
      const halted = await sealer0.getBlockNumber({ cacheTime: 0 })
      await sleep(6 * PERIOD * 1000)
      assert.equal(
        await sealer0.getBlockNumber({ cacheTime: 0 }),
        halted,
        'one of three signers must not be able to seal',
      )
      const stuck = await sealerHealth(sealer0, { blocks: 3, period: PERIOD })
      assert.ok(
        stuck.warnings.some((w) => w.includes('no one is sealing')),
        stuck.warnings.join('\n'),
      )

      await net.startNode(1)
      await waitForHead(sealer0, halted + 3n)
      await net.startNode(2)
      const resumed = await sealer0.getBlockNumber({ cacheTime: 0 })
      await waitForHead(clientOf(net.sealers[2]?.rpcUrl as string), resumed + 3n)
    })

    it("recoverSealer agrees with geth's clique_getSigner for every block of the run", async () => {
      const head = await sealer0.getBlockNumber({ cacheTime: 0 })
      const signers = new Set(addresses.slice(0, 3))
      for (let n = 1n; n <= head; n++) {
        const block = await sealer0.getBlock({ blockNumber: n })
        const recovered = await recoverSealer(block)
        const gethSays = (await sealer0.request({
          method: 'clique_getSigner',
          params: [block.hash],
        } as never)) as string
        assert.equal(recovered, getAddress(gethSays), `block ${n}`)
        assert.ok(signers.has(recovered), `block ${n} sealed by ${recovered}`)
      }
      assert.ok(head >= 15n, `a run of ${head} blocks is too short to mean much`)
    })
  })

  describe('2 sealers', () => {
    let net: GethCliqueNetwork
    after(async () => {
      await net?.stop()
    })

    it('halts when one of the two is stopped', async () => {
      // Two Clique sealers can both seal their own block 1 before they peer and then refuse to
      // sign again ("signed recently"): a start-up race of geth itself, seen here under load.
      // It is not what this test is about, so such a start is retried on a fresh network.
      let client: PublicClient | undefined
      for (let attempt = 1; !client; attempt++) {
        net = await startGethClique({
          sealers: 2,
          period: PERIOD,
          rpcNode: false,
          genesis: genesisFor(addresses.slice(0, 2)),
          sealerKeys: keys.slice(0, 2),
        })
        const candidate = clientOf(net.sealers[0]?.rpcUrl as string)
        try {
          await waitForHead(candidate, 2n, 15_000)
          client = candidate
        } catch (error) {
          await net.stop()
          if (attempt === 3) throw error
        }
      }
      await net.stopNode(1)
      await sleep(2 * PERIOD * 1000)
      const halted = await client.getBlockNumber({ cacheTime: 0 })
      await sleep(6 * PERIOD * 1000)
      assert.equal(await client.getBlockNumber({ cacheTime: 0 }), halted)
    })
  })

  describe('voting', () => {
    let net: GethCliqueNetwork
    after(async () => {
      await net?.stop()
    })

    // The fourth node runs from the start with its key unlocked and its miner on, but the genesis
    // does not list it: Clique refuses its seals until a majority of the three signers votes it in.
    it('a majority adds a fourth signer with propose, and that signer then seals', async () => {
      net = await startGethClique({
        sealers: 3,
        period: PERIOD,
        rpcNode: false,
        genesis: genesisFor(addresses.slice(0, 3)),
        sealerKeys: keys.slice(0, 3),
        candidateKeys: keys.slice(3),
      })
      assert.equal(net.candidates.length, 1)
      const clients = net.sealers.map((s) => clientOf(s.rpcUrl))
      const fourth = getAddress(addresses[3] as Address)
      const c0 = clients[0] as PublicClient
      assert.deepEqual((await getSigners(c0)).includes(fourth), false)
      // It seals nothing while it is not a signer.
      const before = await c0.getBlockNumber({ cacheTime: 0 })
      await waitForHead(c0, before + 4n)
      for (let n = 1n; n <= before + 4n; n++)
        assert.notEqual(await recoverSealer(await c0.getBlock({ blockNumber: n })), fourth)

      // One vote of three is not a majority; two are.
      await propose(clients[0] as PublicClient, { address: fourth, auth: true })
      const oneVote = await c0.getBlockNumber({ cacheTime: 0 })
      await waitForHead(c0, oneVote + 4n)
      assert.equal((await getSigners(c0)).includes(fourth), false, 'one vote of three added a signer')
      await propose(clients[1] as PublicClient, { address: fourth, auth: true })
      const deadline = Date.now() + 60_000
      while (!(await getSigners(c0)).includes(fourth)) {
        if (Date.now() > deadline) throw new Error('the fourth signer was never voted in')
        await sleep(500)
      }
      const addedAt = await c0.getBlockNumber({ cacheTime: 0 })
      assert.equal((await getSigners(c0)).length, 4)
      const candidateClient = clientOf(net.candidates[0]?.rpcUrl as string)
      assert.ok((await getSigners(candidateClient)).includes(fourth), 'the new signer sees itself in the set')

      // Now it must seal: find a block after its admission sealed by it.
      const until = Date.now() + 30_000
      let sealedBy: Address | undefined
      for (let n = addedAt + 1n; sealedBy !== fourth; n++) {
        if (Date.now() > until) throw new Error('the new signer sealed nothing')
        await waitForHead(c0, n)
        sealedBy = await recoverSealer(await c0.getBlock({ blockNumber: n }))
      }
      assert.equal(sealedBy, fourth)
    })
  })
})
