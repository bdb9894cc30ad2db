import assert from 'node:assert/strict'
import { type Client, createClient, custom, getAddress, type Hex, numberToHex } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { CliqueError } from '../errors/CliqueError.ts'
import type { SealerHead } from '../health/detectForkStall.ts'
import { sealTestHeader } from '../health/sealTestHeader.fixture.ts'
import { sealerHealth } from './sealerHealth.ts'

// Three signers, sorted as Clique orders them; these keys exist only in this test.
const [s0, s1, s2] = [1, 2, 3]
  .map((n) => privateKeyToAccount(`0x${(0x5ea1 + n).toString(16).padStart(64, '0')}`))
  .sort((x, y) => (x.address.toLowerCase() < y.address.toLowerCase() ? -1 : 1)) as [
  PrivateKeyAccount,
  PrivateKeyAccount,
  PrivateKeyAccount,
]
const signers = [s0, s1, s2].map((s) => s.address)
const PERIOD = 1

const rpcBlock = (head: SealerHead) => ({
  ...head,
  number: numberToHex(head.number as bigint),
  difficulty: numberToHex(head.difficulty),
  gasLimit: numberToHex(head.gasLimit),
  gasUsed: numberToHex(head.gasUsed),
  timestamp: numberToHex(head.timestamp),
  baseFeePerGas: numberToHex(head.baseFeePerGas as bigint),
  size: '0x0',
  transactions: [],
  uncles: [],
})

/** A node serving `chain` (block 1 first) over eth_getBlockByNumber, or failing every call. */
function node(chain: readonly SealerHead[] | 'down'): Client {
  return createClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params: [string, boolean] }) {
          if (chain === 'down') throw new Error('connect ECONNREFUSED 127.0.0.1:1')
          if (method !== 'eth_getBlockByNumber') throw new Error(`unexpected ${method}`)
          const block = params[0] === 'latest' ? chain.at(-1) : chain[Number(BigInt(params[0])) - 1]
          return block ? rpcBlock(block) : null
        },
      },
      { retryCount: 0 },
    ),
  })
}

/**
 * Blocks 1-5 in turn (signers[n % 3]), block 6 out of turn by s1 (s0 missed it), then each of s0
 * and s2 seals its own block 7 out of turn (s1, in turn for 7, is gone): the fork stall.
 */
async function forkedChains(start: bigint): Promise<{ a: SealerHead[]; b: SealerHead[] }> {
  const common: SealerHead[] = []
  for (let n = 1n; n <= 6n; n++) {
    const signer = n === 6n ? s1 : ([s0, s1, s2][Number(n % 3n)] as PrivateKeyAccount)
    common.push(
      await sealTestHeader(signer, {
        number: n,
        difficulty: n === 6n ? 1n : 2n,
        timestamp: start + n * BigInt(PERIOD),
        ...(common.at(-1) ? { parentHash: common.at(-1)?.hash as Hex } : {}),
      }),
    )
  }
  const parentHash = common.at(-1)?.hash as Hex
  const timestamp = start + 7n * BigInt(PERIOD)
  const a = await sealTestHeader(s0, { number: 7n, difficulty: 1n, timestamp, parentHash })
  const b = await sealTestHeader(s2, { number: 7n, difficulty: 1n, timestamp: timestamp + 1n, parentHash })
  return { a: [...common, a], b: [...common, b] }
}

const secondsAgo = (seconds: number) => BigInt(Math.floor(Date.now() / 1000) - seconds)

describe('sealerHealth', () => {
  it("counts each signer's in-turn and out-of-turn seals and missed turns, and sees no fork on one chain", async () => {
    const { a } = await forkedChains(secondsAgo(7))
    const health = await sealerHealth(node(a), {
      blocks: 7,
      signers,
      period: PERIOD,
      sealerClients: [node(a), node(a)],
    })
    assert.equal(health.head, 7n)
    assert.equal(health.from, 1n)
    assert.deepEqual(
      health.signers.map(({ address, lastSealed, inTurn, outOfTurn, missedTurns }) => [
        address,
        lastSealed,
        inTurn,
        outOfTurn,
        missedTurns,
      ]),
      [
        // in turn at 3, out of turn at 7; missed its turn at 6
        [s0.address, 7n, 1, 1, 1],
        // in turn at 1 and 4, out of turn at 6; missed its turn at 7
        [s1.address, 6n, 2, 1, 1],
        // in turn at 2 and 5
        [s2.address, 5n, 2, 0, 0],
      ],
    )
    assert.equal(health.forkStall, null)
    assert.equal(health.live, 3)
  })

  it("reports the equal-difficulty fork stall from the sealers' own heads: the height, both hashes and their sealers", async () => {
    const { a, b } = await forkedChains(secondsAgo(60))
    const health = await sealerHealth(node(a), {
      blocks: 7,
      signers,
      period: PERIOD,
      sealerClients: [node(a), node(b)],
    })
    const [blockA, blockB] = [a.at(-1), b.at(-1)] as [SealerHead, SealerHead]
    assert.ok(health.forkStall)
    assert.equal(health.forkStall.code, 'CLIQUE_FORK_STALL')
    assert.equal(health.forkStall.number, 7n)
    assert.deepEqual(health.forkStall.blocks, [
      { hash: blockA.hash, sealer: s0.address, difficulty: 1n, heads: [0] },
      { hash: blockB.hash, sealer: s2.address, difficulty: 1n, heads: [1] },
    ])
    const line = health.warnings.find((w) => w.endsWith('[CLIQUE_FORK_STALL]'))
    assert.ok(line, health.warnings.join('\n'))
    for (const text of [s0.address, s2.address, blockA.hash as Hex, blockB.hash as Hex, 'block 7'])
      assert.ok(line.includes(text), `${text} missing from: ${line}`)
    assert.ok(health.warnings.some((w) => w.includes('no one is sealing')))
  })

  it('without the sealers clients it reports no fork (one node sees only its own branch)', async () => {
    const { a } = await forkedChains(secondsAgo(60))
    const health = await sealerHealth(node(a), { blocks: 7, signers, period: PERIOD })
    assert.equal(health.forkStall, null)
    assert.equal(
      health.warnings.some((w) => w.includes('CLIQUE_FORK_STALL')),
      false,
    )
  })

  it('names a sealer node that does not answer, without its address, and compares the others', async () => {
    const { a, b } = await forkedChains(secondsAgo(60))
    const health = await sealerHealth(node(a), {
      blocks: 3,
      signers,
      period: PERIOD,
      sealerClients: [node(a), node('down'), node(b)],
    })
    const line = health.warnings.find((w) => w.startsWith('sealer node 1 did not answer'))
    assert.ok(line, health.warnings.join('\n'))
    assert.equal(line.includes('127.0.0.1'), false, line)
    assert.deepEqual(
      health.forkStall?.blocks.map((block) => [getAddress(block.sealer), block.heads]),
      [
        [s0.address, [0]],
        [s2.address, [2]],
      ],
    )
  })

  const bad: [string, Partial<Parameters<typeof sealerHealth>[1]>, string][] = [
    ['blocks 0', { blocks: 0 }, 'blocks'],
    ['period 0', { period: 0 }, 'period'],
    ['stalledPeriods 0', { stalledPeriods: 0 }, 'stalledPeriods'],
    ['sealer clients without a period', { sealerClients: [node('down')] }, 'period'],
  ]
  for (const [name, override, path] of bad) {
    it(`refuses ${name} with CLIQUE_HEALTH_INVALID at ${path}`, async () => {
      await assert.rejects(
        sealerHealth(node('down'), { blocks: 1, signers, ...override }),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_HEALTH_INVALID' && e.path === path,
      )
    })
  }
})
