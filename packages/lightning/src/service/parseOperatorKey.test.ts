import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { describe, it } from 'mocha'
import { parseOperatorKey } from './parseOperatorKey.ts'

const KEY = `0x${'4c'.repeat(32)}`

describe('parseOperatorKey', () => {
  it('takes 0x and 64 hex digits, surrounding whitespace dropped (a file ending in a newline)', () => {
    const key = parseOperatorKey({ key: new Secret(`  ${KEY}\n`), source: 'the file k.hex' })
    assert.equal(key.reveal(), KEY)
    assert.equal(String(key), '[redacted]')
  })

  for (const [what, value] of [
    ['no 0x prefix', '4c'.repeat(32)],
    ['63 digits', `0x${'4c'.repeat(31)}4`],
    ['a non-hex digit', `0x${'4c'.repeat(31)}zz`],
    ['an empty value', ''],
  ] as const)
    it(`refuses ${what} with ISSUANCE_CONFIG_INVALID naming the source, never the value`, () => {
      assert.throws(
        () => parseOperatorKey({ key: new Secret(value), source: 'SSM parameter /ops/key' }),
        (error: unknown) =>
          isChainopsError(error, 'ISSUANCE_CONFIG_INVALID') &&
          error.details === 'SSM parameter /ops/key must hold 0x and 64 hex digits' &&
          (value === '' || !`${error.message}${error.details}`.includes(value.slice(2, 20))),
      )
    })
})
