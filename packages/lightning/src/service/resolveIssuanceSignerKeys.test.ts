import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { Wallet } from 'ethers'
import { describe, it } from 'mocha'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { type IssuanceSignerKey, resolveIssuanceSignerKeys } from './resolveIssuanceSignerKeys.ts'

const keyA = `0x${'11'.repeat(32)}` as Hex
const keyB = `0x${'22'.repeat(32)}` as Hex
const addressA = privateKeyToAddress(keyA)

describe('resolveIssuanceSignerKeys: the sending keys of startIssuance, one or K', () => {
  it('one key passes as it always did, alone or as a list of one', () => {
    const one = new Secret(keyA)
    assert.deepEqual(
      resolveIssuanceSignerKeys(one).map((key) => key.reveal()),
      [keyA],
    )
    assert.deepEqual(
      resolveIssuanceSignerKeys([one]).map((key) => key.reveal()),
      [keyA],
    )
  })

  it('K keys keep their order, a Secret or an ethers Wallet each', () => {
    assert.deepEqual(
      resolveIssuanceSignerKeys([new Secret(keyB), new Wallet(keyA)]).map((key) => key.reveal()),
      [keyB, keyA],
    )
  })

  const refusals: Array<[string, readonly IssuanceSignerKey[], string]> = [
    ['K = 0', [], 'signerKey: at least one sending key is needed (K = 0)'],
    [
      'a key listed twice',
      [new Secret(keyA), new Secret(keyB), new Secret(keyA)],
      `signerKey: ${addressA} is listed twice (entries 0 and 2)`,
    ],
    [
      'one key twice, as a Secret (upper-case hex) and as an ethers Wallet',
      [new Secret(`0x${'11'.repeat(32).toUpperCase()}` as Hex), new Wallet(keyA)],
      `signerKey: ${addressA} is listed twice (entries 0 and 1)`,
    ],
    [
      'an entry that is not a private key',
      [new Secret(keyA), new Secret('0x1234' as Hex)],
      'signerKey: entry 1 is not a private key',
    ],
  ]
  for (const [name, keys, details] of refusals) {
    it(`refuses ${name} with ISSUANCE_CONFIG_INVALID naming signerKey, never a key`, () => {
      assert.throws(
        () => resolveIssuanceSignerKeys(keys),
        (error: unknown) => {
          assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
          assert.equal(error.details, details)
          assert.ok(!error.message.includes('1111111111'), 'the key never appears in the error')
          return true
        },
      )
    })
  }
})
