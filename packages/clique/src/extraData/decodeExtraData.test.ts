import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { CliqueError } from '../errors/CliqueError.ts'
import { decodeExtraData } from './decodeExtraData.ts'

const seed = JSON.parse(readFileSync(new URL('../../test/fixtures/seed-genesis.json', import.meta.url), 'utf8')) as {
  extraData: string
}
const A = '1111111111111111111111111111111111111111'
const B = '2222222222222222222222222222222222222222'
const vanity = '00'.repeat(32)
const seal = '00'.repeat(65)

describe('decodeExtraData', () => {
  it('decodes the seed genesis extraData to its two signers', () => {
    const decoded = decodeExtraData(seed.extraData)
    assert.deepEqual(decoded.signers, [
      '0x13632061De49BbFd8246Cdef3Ca9C180e47Beb20',
      '0xed87eE84804fCcDd7d8eD29c3505be5afC802f42',
    ])
    assert.equal(decoded.vanity, `0x${vanity}`)
    assert.equal(decoded.seal, `0x${seal}`)
    assert.deepEqual(decoded.problems, [])
  })

  it('accepts zero signers (an ordinary non-checkpoint block)', () => {
    assert.deepEqual(decodeExtraData(`0x${vanity}${seal}`).signers, [])
  })

  const bad: [string, unknown, string][] = [
    ['a non-string', 42, 'CLIQUE_EXTRA_DATA_INVALID_HEX'],
    ['null', null, 'CLIQUE_EXTRA_DATA_INVALID_HEX'],
    ['no 0x prefix', vanity + seal, 'CLIQUE_EXTRA_DATA_INVALID_HEX'],
    ['non-hex digits', `0x${vanity}zz${seal.slice(2)}`, 'CLIQUE_EXTRA_DATA_INVALID_HEX'],
    ['an odd digit count', `0x${vanity}${seal}0`, 'CLIQUE_EXTRA_DATA_INVALID_HEX'],
    ['an empty 0x', '0x', 'CLIQUE_EXTRA_DATA_LENGTH'],
    ['a truncated seal (96 bytes)', `0x${vanity}${seal.slice(2)}`, 'CLIQUE_EXTRA_DATA_LENGTH'],
    ['a truncated signer (19 bytes)', `0x${vanity}${A.slice(2)}${seal}`, 'CLIQUE_EXTRA_DATA_LENGTH'],
    ['an overlong tail (1 extra byte)', `0x${vanity}${A}${seal}ff`, 'CLIQUE_EXTRA_DATA_LENGTH'],
    ['unsorted signers', `0x${vanity}${B}${A}${seal}`, 'CLIQUE_SIGNERS_UNSORTED'],
    ['a duplicate signer', `0x${vanity}${A}${A}${seal}`, 'CLIQUE_DUPLICATE_SIGNER'],
  ]
  for (const [name, input, code] of bad) {
    it(`refuses ${name} with ${code}`, () => {
      assert.throws(
        () => decodeExtraData(input, { path: 'x.extraData' }),
        (error: unknown) =>
          error instanceof CliqueError && error.code === code && error.path?.startsWith('x.extraData') === true,
      )
    })
  }

  it('returns unsorted and duplicate signers as problems when not strict', () => {
    const decoded = decodeExtraData(`0x${vanity}${B}${A}${A}${seal}`, { strict: false })
    assert.deepEqual(
      decoded.problems.map((p) => [p.code, p.path]),
      [
        ['CLIQUE_SIGNERS_UNSORTED', 'extraData.signers.1'],
        ['CLIQUE_DUPLICATE_SIGNER', 'extraData.signers.2'],
      ],
    )
    assert.equal(decoded.signers.length, 3)
  })
})
