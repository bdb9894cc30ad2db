import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseEther } from 'viem'
import { buildGenesis } from '../genesis/buildGenesis.ts'
import { deterministicDeploymentProxy } from '../genesis/predeploys/deterministicDeploymentProxy.ts'
import { toGenesisJson } from '../genesis/toGenesisJson.ts'
import { planCapacity } from '../planners/planCapacity.ts'
import { lintGenesis } from './lintGenesis.ts'

const seedText = readFileSync(new URL('../../test/fixtures/seed-genesis.json', import.meta.url), 'utf8')
const COLD = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'
const sealers = [
  '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
  '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
  '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
]

/** The source plan done right: 3 sealers, london, 30 billion coins in the cold wallet, 30 million per validator account. */
function corrected() {
  return buildGenesis({
    chainId: 2789,
    sealers,
    period: 5,
    gasLimit: planCapacity({ tps: 1000, period: 5 }).gasLimit,
    alloc: {
      [COLD]: { balance: parseEther('30000000000') },
      ...Object.fromEntries(sealers.map((s) => [s, { balance: parseEther('30000000') }])),
    },
    predeploys: [deterministicDeploymentProxy],
  })
}

const codes = (findings: { code: string }[]) => findings.map((f) => f.code)

describe('lintGenesis', () => {
  it('finds HEX_LOOKS_DECIMAL, SEALER_QUORUM and MISSING_FORK in the seed genesis, stating both readings in coins', () => {
    const findings = lintGenesis(seedText)
    assert.deepEqual(codes(findings), [
      'HEX_LOOKS_DECIMAL',
      'SEALER_QUORUM',
      'MISSING_FORK',
      'MISSING_FORK',
      'FUNDED_ACCOUNT_NOT_SEALER',
    ])
    assert.deepEqual(findings[0], {
      code: 'HEX_LOOKS_DECIMAL',
      severity: 'error',
      path: 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a.balance',
      message:
        '0x30000000000000000000000000000 is read as hex: 15,576,890,575,604,482.885591488987660288 coins (15576890575604482885591488987660288 wei). Its digits look like the decimal 30000000000000000000000000000 wei = 30,000,000,000 coins; to mean that, write 0x60ef6b1aba6f072330000000 or the decimal string "30000000000000000000000000000".',
    })
    assert.deepEqual(findings[1], {
      code: 'SEALER_QUORUM',
      severity: 'error',
      path: 'extraData',
      message:
        '2 sealers: Clique needs floor(N/2)+1 = 2 live, so one sealer down halts the chain; tolerating 1 down needs 3 sealers.',
    })
    assert.deepEqual(
      findings.slice(2, 4).map((f) => [f.path, f.severity]),
      [
        ['config.berlinBlock', 'warning'],
        ['config.londonBlock', 'warning'],
      ],
    )
    assert.equal(findings[4]?.path, 'alloc.96676ec1894aa23b9beb5b5cf35795af02c7907a')
  })

  it('adds CAPACITY_BELOW_TARGET for the seed at 1000 TPS: 44.76 transfers/s', () => {
    const finding = lintGenesis(seedText, { targetTps: 1000 }).find((f) => f.code === 'CAPACITY_BELOW_TARGET')
    assert.deepEqual(finding, {
      code: 'CAPACITY_BELOW_TARGET',
      severity: 'error',
      path: 'gasLimit',
      message:
        'gasLimit 4,700,000 at a 5 s period carries 44.76 transfers/s (21000 gas each), below the target 1000 TPS; 1000 TPS needs 105,000,000 gas a block (planCapacity with 20% headroom: 126,000,000).',
    })
  })

  it('passes the corrected genesis with no finding at all, as a typed genesis and as its JSON', () => {
    const options = { targetTps: 1000, tolerateFailures: 1, expectedSupply: parseEther('30090000000') }
    assert.deepEqual(lintGenesis(corrected(), options), [])
    assert.deepEqual(lintGenesis(JSON.stringify(toGenesisJson(corrected())), options), [])
  })

  type Json = ReturnType<typeof toGenesisJson>
  const V = '00'.repeat(32)
  const SEAL = '00'.repeat(65)
  const cases: [string, (g: Json) => unknown, string, string, 'error' | 'warning' | 'info', object?][] = [
    [
      'two sealers tolerate none',
      (g) => ({ ...g, extraData: `0x${V}${sealers[0]?.slice(2)}${sealers[1]?.slice(2)}${SEAL}` }),
      'SEALER_QUORUM',
      'extraData',
      'error',
    ],
    [
      'three sealers do not tolerate two down',
      (g) => g,
      'SEALER_QUORUM',
      'extraData',
      'error',
      { tolerateFailures: 2 },
    ],
    [
      'a period of 0',
      (g) => ({ ...g, config: { ...g.config, clique: { period: 0, epoch: 30000 } } }),
      'PERIOD_ZERO',
      'config.clique.period',
      'error',
    ],
    [
      'an epoch of 0',
      (g) => ({ ...g, config: { ...g.config, clique: { period: 5, epoch: 0 } } }),
      'EPOCH_INVALID',
      'config.clique.epoch',
      'warning',
    ],
    [
      'shanghai',
      (g) => ({ ...g, config: { ...g.config, shanghaiTime: 0 } }),
      'UNSUPPORTED_FORK',
      'config.shanghaiTime',
      'error',
    ],
    [
      'a terminal total difficulty',
      (g) => ({ ...g, config: { ...g.config, terminalTotalDifficulty: 0 } }),
      'UNSUPPORTED_FORK',
      'config.terminalTotalDifficulty',
      'error',
    ],
    [
      'london without berlin',
      (g) => ({ ...g, config: { ...g.config, berlinBlock: undefined } }),
      'MISSING_FORK',
      'config.berlinBlock',
      'error',
    ],
    [
      'a truncated extraData',
      (g) => ({ ...g, extraData: g.extraData.slice(0, -2) }),
      'EXTRA_DATA_INVALID',
      'extraData',
      'error',
    ],
    [
      'an extraData without signers',
      (g) => ({ ...g, extraData: `0x${V}${SEAL}` }),
      'EXTRA_DATA_INVALID',
      'extraData',
      'error',
    ],
    [
      'unsorted signers',
      (g) => ({
        ...g,
        extraData: `0x${V}${sealers[0]?.slice(2)}${sealers[1]?.slice(2)}${sealers[2]?.slice(2)}${SEAL}`,
      }),
      'SIGNERS_UNSORTED',
      'extraData.signers.1',
      'error',
    ],
    [
      'a duplicate signer',
      (g) => ({
        ...g,
        extraData: `0x${V}${sealers[1]?.slice(2)}${sealers[1]?.slice(2)}${sealers[2]?.slice(2)}${SEAL}`,
      }),
      'DUPLICATE_SIGNER',
      'extraData.signers.1',
      'error',
    ],
    [
      'a gas limit written as decimal digits under 0x',
      (g) => ({ ...g, gasLimit: '0x30000000' }),
      'HEX_LOOKS_DECIMAL',
      'gasLimit',
      'warning',
    ],
    [
      'a supply other than the plan',
      (g) => g,
      'SUPPLY_MISMATCH',
      'alloc',
      'error',
      { expectedSupply: parseEther('30000000000') },
    ],
    [
      'a balance that is not hex',
      (g) => ({ ...g, alloc: { ...g.alloc, [COLD]: { balance: '0xzz' } } }),
      'QUANTITY_INVALID',
      `alloc.${COLD}.balance`,
      'error',
    ],
    ['a file that is not JSON', () => '{"config":', 'GENESIS_INVALID', '$', 'error'],
  ]
  for (const [name, mutate, code, path, severity, options] of cases) {
    it(`reports ${name} as ${code} (${severity}) at ${path}`, () => {
      const input = mutate(JSON.parse(JSON.stringify(toGenesisJson(corrected()))) as Json)
      const findings = lintGenesis(input, options ?? {})
      const finding = findings.find((f) => f.code === code && f.path === path)
      assert.ok(finding, `got ${JSON.stringify(findings)}`)
      assert.equal(finding.severity, severity)
    })
  }

  it('explains a supply mismatch in coins with the difference', () => {
    const [finding] = lintGenesis(corrected(), { expectedSupply: parseEther('30000000000') })
    assert.equal(finding?.message, 'alloc holds 30,090,000,000 coins, the plan expects 30,000,000,000 (+90,000,000).')
  })
})
