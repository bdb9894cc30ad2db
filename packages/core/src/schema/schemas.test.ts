import assert from 'node:assert/strict'
import * as v from 'valibot'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { addressSchema } from './addressSchema.ts'
import { bigintStringSchema } from './bigintStringSchema.ts'
import { hexSchema } from './hexSchema.ts'
import { parseWith } from './parseWith.ts'

// EIP-55 test vectors from the EIP itself (eips.ethereum.org/EIPS/eip-55)
const checksummed = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'

describe('hexSchema, addressSchema, bigintStringSchema', () => {
  it('hexSchema accepts 0x-prefixed hex of any length and nothing else', () => {
    for (const good of ['0x', '0x0', '0xdeadBEEF']) assert.equal(v.parse(hexSchema, good), good)
    for (const bad of ['', '0X12', 'deadbeef', '0xg1', '0x 1', 12])
      assert.equal(v.safeParse(hexSchema, bad).success, false)
  })

  it('addressSchema accepts lowercase, uppercase and valid checksums and outputs the checksummed form', () => {
    assert.equal(v.parse(addressSchema, checksummed), checksummed)
    assert.equal(v.parse(addressSchema, checksummed.toLowerCase()), checksummed)
    assert.equal(v.parse(addressSchema, `0x${checksummed.slice(2).toUpperCase()}`), checksummed)
  })

  it('addressSchema refuses a mixed-case address with a broken checksum, short addresses and non-hex', () => {
    const broken = checksummed.replace('aAeb', 'AAeb')
    for (const bad of [broken, checksummed.slice(0, 41), `${checksummed}00`, 'vitalik.eth', 42]) {
      assert.throws(
        () =>
          parseWith(
            v.object({ to: addressSchema }),
            { to: bad },
            { code: 'UNITS_INVALID_AMOUNT', what: 'transaction' },
          ),
        (error) =>
          isChainopsError(error, 'UNITS_INVALID_AMOUNT') &&
          error.details ===
            `to: expected a 20-byte 0x address (EIP-55 checksummed when mixed case), received ${typeof bad}`,
      )
    }
  })

  it('bigintStringSchema reads decimal and 0x hex strings exactly', () => {
    assert.equal(v.parse(bigintStringSchema, '30000000000000000000000000000'), 30_000_000_000_000_000_000_000_000_000n)
    // the seed genesis wrote 3e28 as 0x3 followed by 28 zeros: as hex that is a different number
    assert.equal(v.parse(bigintStringSchema, `0x3${'0'.repeat(28)}`), 3n * 16n ** 28n)
    assert.equal(v.parse(bigintStringSchema, '0'), 0n)
    for (const bad of ['', '-1', '1.5', '1e3', '0x', ' 1', 10, '1'.repeat(201)])
      assert.equal(v.safeParse(bigintStringSchema, bad).success, false)
  })
})
