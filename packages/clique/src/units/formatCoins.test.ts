import assert from 'node:assert/strict'
import { WEI_PER_COIN } from '@chainops/core'
import { formatCoins } from './formatCoins.ts'

describe('formatCoins', () => {
  const cases: [bigint, string][] = [
    [0n, '0'],
    [1n, '0.000000000000000001'],
    [WEI_PER_COIN, '1'],
    [10n ** 16n, '0.01'],
    [30_000_000_000n * WEI_PER_COIN, '30,000,000,000'],
    [3n * 16n ** 28n, '15,576,890,575,604,482.885591488987660288'],
    [-1500n * WEI_PER_COIN, '-1,500'],
  ]
  for (const [wei, text] of cases) it(`prints ${wei} wei as ${text} coins`, () => assert.equal(formatCoins(wei), text))
})
