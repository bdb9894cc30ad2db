import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { LightningError } from '../errors/LightningError.ts'
import { validateInvoiceRequest } from './validateInvoiceRequest.ts'

// EIP-55's own test vector (eips.ethereum.org/EIPS/eip-55): 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed.
const CHECKSUMMED = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const bounds = { minSats: 100n, maxSats: 1_000_000n }

describe('validateInvoiceRequest', () => {
  it('accepts a checksummed address and an amount within bounds', () => {
    assert.deepEqual(validateInvoiceRequest({ address: CHECKSUMMED, sats: 100n, bounds }), {
      address: CHECKSUMMED,
      sats: 100n,
    })
    assert.deepEqual(validateInvoiceRequest({ address: CHECKSUMMED, sats: 1_000_000n, bounds }), {
      address: CHECKSUMMED,
      sats: 1_000_000n,
    })
  })

  it('accepts an all-lowercase address (no checksum to check) and returns it checksummed', () => {
    assert.equal(
      validateInvoiceRequest({ address: CHECKSUMMED.toLowerCase(), sats: 500n, bounds }).address,
      CHECKSUMMED,
    )
  })

  const refused: [string, unknown, unknown, string][] = [
    [
      'a bad checksum (one letter case flipped)',
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD',
      500n,
      'INVOICE_INVALID_ADDRESS',
    ],
    ['an address one byte short', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA', 500n, 'INVOICE_INVALID_ADDRESS'],
    ['an address without 0x', '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 500n, 'INVOICE_INVALID_ADDRESS'],
    ['a non-string address', 42, 500n, 'INVOICE_INVALID_ADDRESS'],
    ['the zero address', '0x0000000000000000000000000000000000000000', 500n, 'INVOICE_ZERO_ADDRESS'],
    ['an amount below the minimum', CHECKSUMMED, 99n, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
    ['an amount above the maximum', CHECKSUMMED, 1_000_001n, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
    ['a negative amount', CHECKSUMMED, -1n, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
    ['an amount as a number', CHECKSUMMED, 500, 'INVOICE_INVALID_AMOUNT'],
  ]
  for (const [name, address, sats, code] of refused)
    it(`refuses ${name} with ${code}`, () => {
      assert.throws(
        () => validateInvoiceRequest({ address, sats, bounds }),
        (error: unknown) => error instanceof LightningError && error.code === code,
      )
    })

  it('refuses inverted or non-bigint bounds with INVOICE_INVALID_PARAMETERS', () => {
    for (const bad of [
      { minSats: 10n, maxSats: 9n },
      { minSats: 0n, maxSats: 9n },
      { minSats: 1, maxSats: 9n },
    ])
      assert.throws(
        () => validateInvoiceRequest({ address: CHECKSUMMED, sats: 5n, bounds: bad as never }),
        (error: unknown) => error instanceof LightningError && error.code === 'INVOICE_INVALID_PARAMETERS',
      )
  })

  it('never echoes the address it refused', () => {
    const bad = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'
    try {
      validateInvoiceRequest({ address: bad, sats: 500n, bounds })
      assert.fail('expected a throw')
    } catch (error) {
      assert.ok(error instanceof LightningError)
      assert.doesNotMatch(error.message, /5aAeb6053F/i)
    }
  })
})
