import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { CliqueError } from '../errors/CliqueError.ts'
import { parseGenesis } from './parseGenesis.ts'

const seedText = readFileSync(new URL('../../test/fixtures/seed-genesis.json', import.meta.url), 'utf8')
const A = '1111111111111111111111111111111111111111'
const base = () => ({
  config: { chainId: 7, clique: { period: 2, epoch: 100 } },
  gasLimit: '0x0',
  difficulty: '0x1',
  alloc: {} as Record<string, unknown>,
})

describe('parseGenesis', () => {
  it('reads the seed genesis: chain 2789, period 5, forks through istanbul, 257 accounts, the 0x3…0 balance as hex', () => {
    const genesis = parseGenesis(seedText)
    assert.deepEqual(genesis.config, {
      chainId: 2789,
      clique: { period: 5, epoch: 30000 },
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
    })
    assert.equal(genesis.gasLimit, 4_700_000n)
    assert.equal(genesis.timestamp, 0x61d58473n)
    assert.equal(genesis.difficulty, 1n)
    assert.equal(genesis.baseFeePerGas, undefined)
    assert.equal(Object.keys(genesis.alloc).length, 257)
    assert.equal(genesis.alloc['0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a']?.balance, 3n * 16n ** 28n)
    assert.equal(genesis.alloc['0x00000000000000000000000000000000000000ff']?.balance, 1n)
  })

  it("fills geth's defaults: gas limit 4712388 for 0, zero hashes and empty extraData when absent", () => {
    const genesis = parseGenesis(base())
    assert.equal(genesis.gasLimit, 4_712_388n)
    assert.equal(genesis.extraData, '0x')
    assert.equal(genesis.difficulty, 1n)
    assert.equal(genesis.mixHash, `0x${'00'.repeat(32)}`)
    assert.equal(genesis.coinbase, '0x0000000000000000000000000000000000000000')
  })

  it('reads storage keys and values left-padded, code, nonce and decimal balances', () => {
    const g = base()
    g.alloc[`0x${A}`] = { balance: '1000', nonce: '0x2', code: '0x6000', storage: { '0x01': '0x02' } }
    const account = parseGenesis(g).alloc[`0x${A}`]
    assert.deepEqual(account, {
      balance: 1000n,
      nonce: 2n,
      code: '0x6000',
      storage: { [`0x${'00'.repeat(31)}01`]: `0x${'00'.repeat(31)}02` },
    })
  })

  type Case = [string, (g: ReturnType<typeof base>) => unknown, string, string]
  const cases: Case[] = [
    ['text that is not JSON', () => '{', 'CLIQUE_GENESIS_INVALID', '$'],
    ['a non-object', () => 42, 'CLIQUE_GENESIS_INVALID', '$'],
    ['a missing alloc', (g) => ({ ...g, alloc: undefined }), 'CLIQUE_GENESIS_INVALID', 'alloc'],
    ['a missing gasLimit', (g) => ({ ...g, gasLimit: undefined }), 'CLIQUE_GENESIS_INVALID', 'gasLimit'],
    ['a null difficulty', (g) => ({ ...g, difficulty: null }), 'CLIQUE_GENESIS_INVALID', 'difficulty'],
    ['a missing clique section', (g) => ({ ...g, config: { chainId: 7 } }), 'CLIQUE_GENESIS_INVALID', 'config.clique'],
    [
      'a period as a string',
      (g) => ({ ...g, config: { chainId: 7, clique: { period: '2', epoch: 1 } } }),
      'CLIQUE_GENESIS_INVALID',
      'config.clique.period',
    ],
    [
      'a negative epoch',
      (g) => ({ ...g, config: { chainId: 7, clique: { period: 2, epoch: -1 } } }),
      'CLIQUE_GENESIS_INVALID',
      'config.clique.epoch',
    ],
    [
      'a chainId beyond 2^53',
      (g) => ({ ...g, config: { ...g.config, chainId: 2 ** 60 } }),
      'CLIQUE_GENESIS_INVALID',
      'config.chainId',
    ],
    [
      'a fork block as a string',
      (g) => ({ ...g, config: { ...g.config, londonBlock: '0' } }),
      'CLIQUE_GENESIS_INVALID',
      'config.londonBlock',
    ],
    ['gasLimit with non-hex digits', (g) => ({ ...g, gasLimit: '0x47b7g0' }), 'CLIQUE_QUANTITY_INVALID', 'gasLimit'],
    [
      'gasLimit beyond uint64',
      (g) => ({ ...g, gasLimit: '0x10000000000000000' }),
      'CLIQUE_QUANTITY_TOO_LARGE',
      'gasLimit',
    ],
    ['an empty 0x timestamp', (g) => ({ ...g, timestamp: '0x' }), 'CLIQUE_QUANTITY_EMPTY', 'timestamp'],
    ['a negative difficulty', (g) => ({ ...g, difficulty: '-1' }), 'CLIQUE_QUANTITY_NEGATIVE', 'difficulty'],
    ['extraData with an odd digit count', (g) => ({ ...g, extraData: '0x0' }), 'CLIQUE_QUANTITY_INVALID', 'extraData'],
    ['a 31-byte mixHash', (g) => ({ ...g, mixHash: `0x${'00'.repeat(31)}` }), 'CLIQUE_QUANTITY_INVALID', 'mixHash'],
    [
      'a coinbase of 19 bytes',
      (g) => ({ ...g, coinbase: `0x${'00'.repeat(19)}` }),
      'CLIQUE_QUANTITY_INVALID',
      'coinbase',
    ],
    [
      'an alloc key that is not an address',
      (g) => ({ ...g, alloc: { '0x01': { balance: '1' } } }),
      'CLIQUE_GENESIS_INVALID',
      'alloc.0x01',
    ],
    [
      'an account without balance',
      (g) => ({ ...g, alloc: { [A]: {} } }),
      'CLIQUE_GENESIS_INVALID',
      `alloc.${A}.balance`,
    ],
    [
      'a balance as a huge JSON number',
      (g) => ({ ...g, alloc: { [A]: { balance: 3e28 } } }),
      'CLIQUE_QUANTITY_INVALID',
      `alloc.${A}.balance`,
    ],
    [
      'a balance beyond 2^256',
      (g) => ({ ...g, alloc: { [A]: { balance: `0x1${'0'.repeat(64)}` } } }),
      'CLIQUE_QUANTITY_TOO_LARGE',
      `alloc.${A}.balance`,
    ],
    [
      'a balance with non-hex digits',
      (g) => ({ ...g, alloc: { [A]: { balance: '0xabcz' } } }),
      'CLIQUE_QUANTITY_INVALID',
      `alloc.${A}.balance`,
    ],
    [
      'code without 0x',
      (g) => ({ ...g, alloc: { [A]: { balance: '1', code: '6000' } } }),
      'CLIQUE_QUANTITY_INVALID',
      `alloc.${A}.code`,
    ],
    [
      'a storage value of 33 bytes',
      (g) => ({ ...g, alloc: { [A]: { balance: '1', storage: { '0x01': `0x${'11'.repeat(33)}` } } } }),
      'CLIQUE_QUANTITY_INVALID',
      `alloc.${A}.storage.0x01`,
    ],
    [
      'the same address twice',
      (g) => ({ ...g, alloc: { [A]: { balance: '1' }, [`0x${A}`]: { balance: '2' } } }),
      'CLIQUE_GENESIS_INVALID',
      `alloc.0x${A}`,
    ],
  ]
  for (const [name, make, code, path] of cases) {
    it(`refuses ${name} with ${code} at ${path}`, () => {
      assert.throws(
        () => parseGenesis(make(base())),
        (error: unknown) => {
          assert.ok(error instanceof CliqueError, String(error))
          assert.equal(error.code, code)
          assert.equal(error.path, path)
          return true
        },
      )
    })
  }
})
