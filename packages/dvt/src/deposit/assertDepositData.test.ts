import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { assertDepositData } from './assertDepositData.ts'
import { createDepositData } from './createDepositData.ts'

const signingKey = () =>
  new Secret(Uint8Array.from(Buffer.from('000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f', 'hex')))
const entry = createDepositData({
  signingKey: signingKey(),
  withdrawalAddress: '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a',
  amount: 32_000_000_000n,
  network: 'holesky',
})

describe('assertDepositData', () => {
  it('returns the result for valid deposit data', () => {
    assert.deepEqual(assertDepositData([entry], { network: 'holesky' }), { valid: true, count: 1, findings: [] })
  })

  it("throws the first finding's code for another network's deposit data, naming entry and field", () => {
    assert.throws(
      () => assertDepositData([entry], { network: 'hoodi' }),
      (e) =>
        isChainopsError(e, 'DEPOSIT_WRONG_NETWORK') &&
        e.shortMessage.startsWith("deposit data entry 0, fork_version: fork_version 01017000 is holesky's") &&
        e.details ===
          '0.fork_version: DEPOSIT_WRONG_NETWORK, 0.network_name: DEPOSIT_WRONG_NETWORK, 0.signature: DEPOSIT_BAD_SIGNATURE',
    )
  })

  it('throws DEPOSIT_BAD_SHAPE for an empty file', () => {
    assert.throws(
      () => assertDepositData('[]'),
      (e) => isChainopsError(e, 'DEPOSIT_BAD_SHAPE') && /deposit data file, file:/.test(e.shortMessage),
    )
  })
})
