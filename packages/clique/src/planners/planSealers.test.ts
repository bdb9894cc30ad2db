import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { cliqueQuorum } from './cliqueQuorum.ts'
import { planSealers } from './planSealers.ts'

describe('cliqueQuorum', () => {
  const cases: [number, number][] = [
    [1, 1],
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ]
  for (const [n, q] of cases) it(`needs ${q} live of ${n} signers`, () => assert.equal(cliqueQuorum(n), q))
})

describe('planSealers', () => {
  const cases: [number, number, number][] = [
    [0, 1, 1],
    [1, 3, 2],
    [2, 5, 3],
    [3, 7, 4],
  ]
  for (const [f, n, q] of cases) {
    it(`tolerating ${f} down needs ${n} sealers with quorum ${q}`, () => {
      const plan = planSealers({ tolerateFailures: f })
      assert.equal(plan.sealers, n)
      assert.equal(plan.quorum, q)
      assert.equal(n - q, f)
    })
  }
  it('says why an even count adds nothing', () => {
    assert.equal(
      planSealers({ tolerateFailures: 1 }).summary,
      '3 sealers (in separate zones): Clique needs 2 live, so 1 may be down; an even count adds no tolerance (4 sealers need 3).',
    )
  })
  for (const bad of [-1, 1.5, Number.NaN, 1001]) {
    it(`refuses tolerateFailures ${bad} with CLIQUE_PLAN_INVALID`, () => {
      assert.throws(
        () => planSealers({ tolerateFailures: bad }),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_PLAN_INVALID' && e.path === 'tolerateFailures',
      )
    })
  }
})
