import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { parseHexBytes } from './parseHexBytes.ts'

describe('parseHexBytes', () => {
  it('returns lower-case hex and accepts an empty 0x as zero bytes', () => {
    assert.equal(parseHexBytes('0xABcd', 'p'), '0xabcd')
    assert.equal(parseHexBytes('0x', 'p'), '0x')
    assert.equal(parseHexBytes(`0x${'00'.repeat(32)}`, 'p', { size: 32 }), `0x${'00'.repeat(32)}`)
  })

  const refused: [string, unknown, { size?: number }][] = [
    ['no prefix', 'abcd', {}],
    ['odd length', '0xabc', {}],
    ['non-hex digits', '0xzz', {}],
    ['a number', 12, {}],
    ['null', null, {}],
    ['the wrong size', '0x00', { size: 32 }],
  ]
  for (const [name, input, options] of refused) {
    it(`refuses ${name} with CLIQUE_QUANTITY_INVALID at the path`, () => {
      assert.throws(
        () => parseHexBytes(input, 'mixHash', options),
        (error: unknown) =>
          error instanceof CliqueError && error.code === 'CLIQUE_QUANTITY_INVALID' && error.path === 'mixHash',
      )
    })
  }
})
