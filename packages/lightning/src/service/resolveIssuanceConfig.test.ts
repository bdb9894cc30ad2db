import assert from 'node:assert/strict'
import { isChainopsError, Rational } from '@chainops/core'
import { describe, it } from 'mocha'
import { resolveIssuanceConfig } from './resolveIssuanceConfig.ts'

const chain = { rpcUrl: 'http://127.0.0.1:8545', chainId: '2789' }

describe('resolveIssuanceConfig', () => {
  it('fills the defaults: embedded, 10^10 wei per sat, 100 to 10,000,000 sats', () => {
    const config = resolveIssuanceConfig(chain)
    assert.equal(config.mode, 'embedded')
    assert.equal(config.rate.compare(new Rational(10_000_000_000n)), 0)
    assert.deepEqual(config.bounds, { minSats: 100n, maxSats: 10_000_000n, maxInvoiceExpirySeconds: 604_800 })
    assert.deepEqual(config.chain, { rpcUrl: 'http://127.0.0.1:8545', chainId: 2789 })
  })

  it('takes every setting as text: aws, a rational rate, the bounds, a numeric chain id', () => {
    const config = resolveIssuanceConfig({
      ...chain,
      chainId: 1337,
      mode: 'aws',
      rate: '3/2',
      minSats: '1',
      maxSats: '1',
      maxInvoiceExpirySeconds: '31536000',
    })
    assert.equal(config.mode, 'aws')
    assert.equal(config.rate.compare(new Rational(3n, 2n)), 0)
    assert.deepEqual(config.bounds, { minSats: 1n, maxSats: 1n, maxInvoiceExpirySeconds: 31_536_000 })
    assert.equal(config.chain.chainId, 1337)
  })

  it('passes the sending keys through in order, one name or K, and leaves them out when not given', () => {
    assert.deepEqual(resolveIssuanceConfig({ ...chain, operatorKeys: '/k/0' }).operatorKeys, ['/k/0'])
    assert.deepEqual(resolveIssuanceConfig({ ...chain, mode: 'aws', operatorKeys: ['/k/1', '/k/0'] }).operatorKeys, [
      '/k/1',
      '/k/0',
    ])
    assert.equal('operatorKeys' in resolveIssuanceConfig(chain), false)
  })

  const refusals: Array<[string, Parameters<typeof resolveIssuanceConfig>[0], RegExp]> = [
    ['an unknown mode', { ...chain, mode: 'lambda' }, /^mode must be embedded or aws, got "lambda"$/],
    ['a rate that is not a number', { ...chain, rate: 'one' }, /^rate must be "n" or "n\/d" wei per sat, got "one"$/],
    ['a zero rate', { ...chain, rate: '0' }, /^rate must be above 0$/],
    ['a negative rate', { ...chain, rate: '-1' }, /^rate must be above 0$/],
    [
      'a fractional minSats',
      { ...chain, minSats: '1.5' },
      /^minSats must be a positive whole number of sats, got "1.5"$/,
    ],
    ['a zero maxSats', { ...chain, maxSats: '0' }, /^maxSats must be a positive whole number of sats, got "0"$/],
    ['minSats above maxSats', { ...chain, minSats: '10', maxSats: '9' }, /^minSats is above maxSats$/],
    [
      'a longest expiry above lnd own limit of one year',
      { ...chain, maxInvoiceExpirySeconds: '31536001' },
      /^maxInvoiceExpirySeconds must be whole seconds from 1 to 31536000 \(lnd refuses an invoice expiry above one year\), got 31536001$/,
    ],
    [
      'a longest expiry that is not whole seconds',
      { ...chain, maxInvoiceExpirySeconds: '1h' },
      /^maxInvoiceExpirySeconds must be a positive whole number of seconds, got "1h"$/,
    ],
    ['no rpcUrl', { ...chain, rpcUrl: '' }, /^rpcUrl is required$/],
    ['a chain id of 0', { ...chain, chainId: '0' }, /^chainId must be a positive integer, got "0"$/],
    ['a chain id in hex', { ...chain, chainId: '0x539' }, /^chainId must be a positive integer, got "0x539"$/],
    ['a fractional chain id', { ...chain, chainId: 1.5 }, /^chainId must be a positive integer, got "1.5"$/],
    ['a chain id past 2^53', { ...chain, chainId: '9007199254740993' }, /^chainId must be a positive integer/],
    [
      'K = 0 sending keys',
      { ...chain, operatorKeys: [] },
      /^operatorKeys: at least one sending key is needed \(K = 0\)$/,
    ],
    ['an empty key name', { ...chain, operatorKeys: ['/k/0', ' '] }, /^operatorKeys: entry 1 is empty$/],
    [
      'a sending key listed twice',
      { ...chain, mode: 'aws', operatorKeys: ['/k/0', '/k/1', '/k/0'] },
      /^operatorKeys: \/k\/0 is listed twice \(entries 0 and 2\)$/,
    ],
  ]
  for (const [what, parameters, details] of refusals)
    it(`refuses ${what} with ISSUANCE_CONFIG_INVALID naming the setting`, () => {
      assert.throws(
        () => resolveIssuanceConfig(parameters),
        (error: unknown) => isChainopsError(error, 'ISSUANCE_CONFIG_INVALID') && details.test(error.details ?? ''),
      )
    })
})
