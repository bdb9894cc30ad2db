import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { type Address, bytesToHex } from 'viem'
import { computeWithdrawalCredentials } from './computeWithdrawalCredentials.ts'

const ADDRESS = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'

describe('computeWithdrawalCredentials', () => {
  it('0x01: the prefix, 11 zero bytes and the address', () => {
    assert.equal(
      bytesToHex(computeWithdrawalCredentials({ withdrawalAddress: ADDRESS })),
      '0x01000000000000000000000096676ec1894aa23b9beb5b5cf35795af02c7907a',
    )
  })

  it('0x02 when compounding', () => {
    assert.equal(
      bytesToHex(computeWithdrawalCredentials({ withdrawalAddress: ADDRESS, compounding: true })),
      '0x02000000000000000000000096676ec1894aa23b9beb5b5cf35795af02c7907a',
    )
  })

  it('takes an all-lowercase address, refuses a bad checksum or a short one', () => {
    const lower = ADDRESS.toLowerCase() as Address
    assert.equal(computeWithdrawalCredentials({ withdrawalAddress: lower })[31], 0x7a)
    for (const bad of ['0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907A', '0x96676ec1894aa23b9beb5b5cf35795af02c790']) {
      assert.throws(
        () => computeWithdrawalCredentials({ withdrawalAddress: bad as Address }),
        (e) => isChainopsError(e, 'DEPOSIT_INVALID_INPUT') && e.shortMessage.includes('withdrawal address'),
      )
    }
  })
})
