import assert from 'node:assert/strict'
import { type Address, getAddress, type Hex, keccak256 } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { recoverSealer } from '../actions/recoverSealer.ts'
import { CliqueError } from '../errors/CliqueError.ts'
import { type DetectForkStallParameters, detectForkStall, type SealerHead } from './detectForkStall.ts'
import { sealTestHeader } from './sealTestHeader.fixture.ts'

// Three signers; these keys exist only in this test.
const keys = [1, 2, 3].map((n) => `0x${(0xf0c0 + n).toString(16).padStart(64, '0')}` as Hex)
const [a, b, c] = keys.map((key) => privateKeyToAccount(key)) as [
  PrivateKeyAccount,
  PrivateKeyAccount,
  PrivateKeyAccount,
]

const PERIOD = 2
const T = 1_700_000_000n
const sealed = sealTestHeader

const stalledAt = (seconds: bigint) => T + seconds
const detect = (heads: SealerHead[], extra: Partial<DetectForkStallParameters> = {}) =>
  detectForkStall({ heads, period: PERIOD, now: stalledAt(60n), ...extra })

describe('detectForkStall', () => {
  it('reports two out-of-turn blocks at one height from two sealers with no block since: height, hashes, sealers, age', async () => {
    const mine = await sealed(a, { number: 7n, difficulty: 1n, timestamp: T })
    const theirs = await sealed(b, { number: 7n, difficulty: 1n, timestamp: T + 1n })
    const stall = await detect([mine, theirs])
    assert.ok(stall)
    const [first, second] = [
      { hash: mine.hash, sealer: a.address, difficulty: 1n, heads: [0] },
      { hash: theirs.hash, sealer: b.address, difficulty: 1n, heads: [1] },
    ].sort((x, y) => (x.sealer.toLowerCase() < y.sealer.toLowerCase() ? -1 : 1))
    assert.deepEqual(
      { code: stall.code, number: stall.number, blocks: stall.blocks, age: stall.age },
      { code: 'CLIQUE_FORK_STALL', number: 7n, blocks: [first, second], age: 59n },
    )
    for (const text of [a.address, b.address, mine.hash, theirs.hash, 'block 7', 'difficulty 1', 'no block for 59 s'])
      assert.ok(stall.message.includes(text as string), `${text} missing from: ${stall.message}`)
  })

  it('names every node that holds each block (an RPC node or a second node on the same branch)', async () => {
    const mine = await sealed(a, { number: 3n, difficulty: 1n, timestamp: T })
    const theirs = await sealed(c, { number: 3n, difficulty: 1n, timestamp: T })
    const stall = await detect([mine, theirs, mine])
    assert.deepEqual(Object.fromEntries(stall?.blocks.map((block) => [getAddress(block.sealer), block.heads]) ?? []), {
      [a.address]: [0, 2],
      [c.address]: [1],
    })
  })

  it('compares only the highest heads: a node behind the fork is ignored', async () => {
    const parent = await sealed(c, { number: 6n, difficulty: 2n, timestamp: T - 2n })
    const mine = await sealed(a, { number: 7n, difficulty: 1n, timestamp: T, parentHash: parent.hash as Hex })
    const theirs = await sealed(b, { number: 7n, difficulty: 1n, timestamp: T, parentHash: parent.hash as Hex })
    assert.equal((await detect([parent, mine, theirs]))?.number, 7n)
  })

  const quiet: [string, () => Promise<SealerHead[]>, Partial<DetectForkStallParameters>?][] = [
    [
      'heads that agree',
      async () => {
        const head = await sealed(a, { number: 7n, difficulty: 1n, timestamp: T })
        return [head, { ...head }]
      },
    ],
    [
      'a fork with an in-turn block (difficulty 2 is heavier and wins)',
      async () => [
        await sealed(a, { number: 7n, difficulty: 2n, timestamp: T }),
        await sealed(b, { number: 7n, difficulty: 1n, timestamp: T }),
      ],
    ],
    [
      'a fork not older than 5 periods (a third signer may still resolve it)',
      async () => [
        await sealed(a, { number: 7n, difficulty: 1n, timestamp: T }),
        await sealed(b, { number: 7n, difficulty: 1n, timestamp: T }),
      ],
      { now: stalledAt(BigInt(5 * PERIOD)) },
    ],
    [
      'a fork not older than stalledPeriods periods',
      async () => [
        await sealed(a, { number: 7n, difficulty: 1n, timestamp: T }),
        await sealed(b, { number: 7n, difficulty: 1n, timestamp: T }),
      ],
      { stalledPeriods: 30 },
    ],
    [
      'one node ahead of the fork (the chain moved on)',
      async () => [
        await sealed(a, { number: 7n, difficulty: 1n, timestamp: T }),
        await sealed(b, { number: 7n, difficulty: 1n, timestamp: T }),
        await sealed(c, { number: 8n, difficulty: 2n, timestamp: T + 2n }),
      ],
    ],
    [
      'two blocks at one height from the same sealer',
      async () => [
        await sealed(a, { number: 7n, difficulty: 1n, timestamp: T }),
        await sealed(a, { number: 7n, difficulty: 1n, timestamp: T + 1n }),
      ],
    ],
    ['a single head', async () => [await sealed(a, { number: 7n, difficulty: 1n, timestamp: T })]],
    ['no heads', async () => []],
  ]
  for (const [name, heads, extra] of quiet) {
    it(`reports nothing for ${name}`, async () => assert.equal(await detect(await heads(), extra), null))
  }

  it('refuses a competing head whose seal does not recover with CLIQUE_SEAL_INVALID', async () => {
    const mine = await sealed(a, { number: 7n, difficulty: 1n, timestamp: T })
    const unsealed = { ...mine, hash: keccak256('0x01'), extraData: `0x${'00'.repeat(97)}` as Hex }
    await assert.rejects(
      detect([mine, unsealed]),
      (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_SEAL_INVALID',
    )
  })

  const bad: [string, Partial<DetectForkStallParameters>, string][] = [
    ['period 0', { period: 0 }, 'period'],
    ['a fractional period', { period: 1.5 }, 'period'],
    ['stalledPeriods 0', { stalledPeriods: 0 }, 'stalledPeriods'],
    ['now as a number', { now: 1 as unknown as bigint }, 'now'],
  ]
  for (const [name, override, path] of bad) {
    it(`refuses ${name} with CLIQUE_HEALTH_INVALID at ${path}`, async () => {
      await assert.rejects(
        detect([], override),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_HEALTH_INVALID' && e.path === path,
      )
    })
  }

  it('refuses a pending head (no number or hash) with CLIQUE_HEALTH_INVALID', async () => {
    const head = await sealed(a, { number: 7n, difficulty: 1n, timestamp: T })
    await assert.rejects(
      detect([head, { ...head, hash: null }]),
      (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_HEALTH_INVALID' && e.path === 'heads.1',
    )
  })

  it('sealed test headers carry a geth-style seal (v is 0 or 1) that recovers to the signer', async () => {
    const head = await sealed(b, { number: 1n, difficulty: 1n, timestamp: T })
    assert.match(head.extraData.slice(-2), /^0[01]$/)
    assert.equal(await recoverSealer(head), b.address as Address)
  })
})
