import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { decodeExtraData } from './decodeExtraData.ts'
import { encodeExtraData } from './encodeExtraData.ts'

const SEED_EXTRA =
  '0x000000000000000000000000000000000000000000000000000000000000000013632061de49bbfd8246cdef3ca9c180e47beb20ed87ee84804fccdd7d8ed29c3505be5afc802f420000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000'

describe('encodeExtraData', () => {
  it('reproduces the seed extraData byte for byte from its signers given in reverse order', () => {
    const extra = encodeExtraData({
      signers: ['0xED87EE84804FCCDD7D8ED29C3505BE5AFC802F42', '0x13632061De49BbFd8246Cdef3Ca9C180e47Beb20'],
    })
    assert.equal(extra, SEED_EXTRA)
  })

  it('right-pads a short vanity and round-trips through decodeExtraData', () => {
    const extra = encodeExtraData({ signers: ['0x2222222222222222222222222222222222222222'], vanity: '0xcafe' })
    const decoded = decodeExtraData(extra)
    assert.equal(decoded.vanity, `0xcafe${'00'.repeat(30)}`)
    assert.deepEqual(decoded.signers, ['0x2222222222222222222222222222222222222222'])
    assert.equal((extra.length - 2) / 2, 32 + 20 + 65)
  })

  const bad: [string, Parameters<typeof encodeExtraData>[0], string, string][] = [
    ['a short address', { signers: ['0x1234'] }, 'CLIQUE_SIGNER_INVALID', 'signers.0'],
    [
      'a non-hex address',
      { signers: ['0xzz22222222222222222222222222222222222222'] },
      'CLIQUE_SIGNER_INVALID',
      'signers.0',
    ],
    [
      'a duplicate in another case',
      { signers: ['0x2222222222222222222222222222222222222aaa', '0x2222222222222222222222222222222222222AAA'] },
      'CLIQUE_DUPLICATE_SIGNER',
      'signers.1',
    ],
    ['a 33-byte vanity', { signers: [], vanity: `0x${'00'.repeat(33)}` }, 'CLIQUE_VANITY_INVALID', 'vanity'],
    ['a non-hex vanity', { signers: [], vanity: '0xzz' }, 'CLIQUE_VANITY_INVALID', 'vanity'],
    ['a short seal', { signers: [], seal: '0x00' }, 'CLIQUE_EXTRA_DATA_INVALID_HEX', 'seal'],
  ]
  for (const [name, input, code, path] of bad) {
    it(`refuses ${name} with ${code} at ${path}`, () => {
      assert.throws(
        () => encodeExtraData(input),
        (error: unknown) => error instanceof CliqueError && error.code === code && error.path === path,
      )
    })
  }
})
