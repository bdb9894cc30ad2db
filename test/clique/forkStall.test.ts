import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { buildGenesis, sealerHealth } from '@chainops/clique'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { createPublicClient, getAddress, type Hex, http, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const PERIOD = 1
// Fixed keys so a failure can be replayed; these accounts exist only on the throwaway nodes.
const keys: Hex[] = [1, 2, 3].map((n) => `0x${(0xf02c0e00 + n).toString(16).padStart(64, '0')}` as Hex)
const faucetKey: Hex = `0x${'f0'.repeat(32)}`
const byAddress = keys
  .map((key) => ({ key, address: privateKeyToAccount(key).address }))
  .sort((x, y) => (x.address.toLowerCase() < y.address.toLowerCase() ? -1 : 1))
// Block 1 is in turn for signers[1 % 3]: with that signer absent, the other two may both seal
// block 1, each out of turn (difficulty 1).
const [first, absent, last] = byAddress as [(typeof byAddress)[0], (typeof byAddress)[0], (typeof byAddress)[0]]

const clientOf = (url: string): PublicClient => createPublicClient({ transport: http(url, { retryCount: 0 }) })

async function rpc<T>(client: PublicClient, method: string, params: unknown[] = []): Promise<T> {
  return (await client.request({ method, params } as never)) as T
}

/** Peers two nodes: each trusts the other, and the first dials the second. */
async function connect(
  [from, fromEnode]: [PublicClient, string],
  [to, toEnode]: [PublicClient, string],
): Promise<void> {
  await rpc(from, 'admin_addTrustedPeer', [toEnode])
  await rpc(to, 'admin_addTrustedPeer', [fromEnode])
  await rpc(from, 'admin_addPeer', [toEnode])
}

const CHAINOPS = fileURLToPath(new URL('../../bin/chainops', import.meta.url))

/** Runs bin/chainops and resolves with its exit code and output (a non-zero exit is data here). */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CHAINOPS, args, { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

describe('sealerHealth finds the equal-difficulty fork stall on real geth v1.13.15 @integration', function () {
  this.timeout(180_000)
  const networks: GethCliqueNetwork[] = []
  after(async () => {
    await Promise.all(networks.map((network) => network.stop()))
  })

  it('two sealers each holding their own out-of-turn block 1 stay stuck while peered; sealerHealth names the height, both hashes and sealers; the third signer breaks it', async () => {
    const genesis = buildGenesis({
      chainId: 2789,
      sealers: byAddress.map((s) => s.address),
      period: PERIOD,
      timestamp: BigInt(Math.floor(Date.now() / 1000)),
    })
    // Each sealer on its own, unpeered node: both seal their own block 1 (out of turn), then
    // neither may seal block 2 on its branch ("signed recently"), whoever it is peered with.
    // A one-node network's config allows no peers (MaxPeers is the number of others): the flag wins.
    const start = (key: Hex, label: string) =>
      startGethClique({
        sealers: 1,
        period: PERIOD,
        rpcNode: false,
        genesis,
        sealerKeys: [key],
        faucetKey,
        label,
        extraArgs: ['--maxpeers', '4'],
      })
    for (const [key, label] of [
      [first.key, 'fork-a'],
      [last.key, 'fork-b'],
    ] as const)
      networks.push(await start(key, label))
    const [nodeA, nodeB] = networks.map((network) => network.sealers[0]) as [
      GethCliqueNetwork['sealers'][0],
      GethCliqueNetwork['sealers'][0],
    ]
    const [a, b] = [clientOf(nodeA.rpcUrl), clientOf(nodeB.rpcUrl)]
    const [headA, headB] = await Promise.all([a.getBlock({ blockTag: 'latest' }), b.getBlock({ blockTag: 'latest' })])
    assert.deepEqual([headA.number, headB.number, headA.difficulty, headB.difficulty], [1n, 1n, 1n, 1n])
    assert.notEqual(headA.hash, headB.hash)

    // Peered, with the same genesis: equal total difficulty, so each keeps its own block. The
    // devnet config gives every slot to dials (DialRatio 1), so each side trusts the other to
    // accept it inbound.
    await connect([a, nodeA.enode], [b, nodeB.enode])
    await pollUntil({
      description: 'the two sealers to peer',
      condition: async () =>
        (await Promise.all([a, b].map((c) => rpc<Hex>(c, 'net_peerCount')))).every((count) => BigInt(count) >= 1n),
    })
    await pollUntil({
      description: 'the heads to be more than 5 periods old',
      condition: async () => BigInt(Math.floor(Date.now() / 1000)) - headB.timestamp > 5n * BigInt(PERIOD) + 1n,
    })
    assert.deepEqual(
      await Promise.all([a, b].map((c) => c.getBlock({ blockTag: 'latest' }).then((h) => h.hash))),
      [headA.hash, headB.hash],
      'a head moved: there was no stall',
    )

    const health = await sealerHealth(a, { blocks: 1, period: PERIOD, sealerClients: [a, b] })
    assert.ok(health.forkStall, health.warnings.join('\n'))
    assert.equal(health.forkStall.number, 1n)
    assert.deepEqual(health.forkStall.blocks, [
      { hash: headA.hash, sealer: getAddress(first.address), difficulty: 1n, heads: [0] },
      { hash: headB.hash, sealer: getAddress(last.address), difficulty: 1n, heads: [1] },
    ])
    const line = health.warnings.find((w) => w.endsWith('[CLIQUE_FORK_STALL]'))
    assert.ok(line?.includes(headA.hash) && line.includes(headB.hash), health.warnings.join('\n'))
    // The CLI reports the same stall from the sealers' own RPCs, and exits 1 for it.
    const cli = await runCli([
      'clique',
      'health',
      '--rpc',
      nodeA.rpcUrl,
      '--blocks',
      '1',
      '--sealer-rpc',
      `${nodeA.rpcUrl},${nodeB.rpcUrl}`,
      '--period',
      String(PERIOD),
      '--json',
    ])
    assert.equal(cli.code, 1, cli.stderr)
    const report = JSON.parse(cli.stdout)
    assert.equal(report.atRisk, true)
    assert.equal(report.forkStall.code, 'CLIQUE_FORK_STALL')
    assert.deepEqual(
      report.forkStall.blocks.map((block: { hash: string }) => block.hash),
      [headA.hash, headB.hash],
    )

    // One node's view alone shows a stale head, not the fork.
    assert.equal((await sealerHealth(a, { blocks: 1, period: PERIOD })).forkStall, null)

    // The absent signer returns: its own block 1 is in turn (difficulty 2), heavier than either.
    networks.push(await start(absent.key, 'fork-c'))
    const nodeC = networks[2]?.sealers[0] as GethCliqueNetwork['sealers'][0]
    const c = clientOf(nodeC.rpcUrl)
    await connect([c, nodeC.enode], [a, nodeA.enode])
    await connect([c, nodeC.enode], [b, nodeB.enode])
    await pollUntil({
      description: 'the chain to move past block 1 on both stalled sealers',
      condition: async () =>
        (await Promise.all([a, b].map((client) => client.getBlockNumber({ cacheTime: 0 })))).every((n) => n >= 3n),
    })
    const after = await sealerHealth(a, { blocks: 2, period: PERIOD, sealerClients: [a, b, c] })
    assert.equal(after.forkStall, null, after.warnings.join('\n'))
    assert.equal(
      (await Promise.all([a, b].map((client) => client.getBlock({ blockNumber: 1n })))).every(
        (block) => block.difficulty === 2n,
      ),
      true,
      'both took the in-turn block 1',
    )
  })
})
