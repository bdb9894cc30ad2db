import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { parseStorageWord } from './parseStorageWord.ts'

describe('parseStorageWord', () => {
  const accepted: [string, string][] = [
    ['0x01', `0x${'0'.repeat(63)}1`],
    ['01', `0x${'0'.repeat(63)}1`],
    [`0x${'AB'.repeat(32)}`, `0x${'ab'.repeat(32)}`],
  ]
  for (const [input, expected] of accepted) {
    it(`left-pads ${input} to 32 bytes like geth`, () => assert.equal(parseStorageWord(input, 'p'), expected))
  }
  const refused: [string, unknown][] = [
    ['an empty word', '0x'],
    ['odd digits', '0x1'],
    ['33 bytes', `0x${'00'.repeat(33)}`],
    ['non-hex', '0xgg'],
    ['a number', 1],
  ]
  for (const [name, input] of refused) {
    it(`refuses ${name}`, () => {
      assert.throws(
        () => parseStorageWord(input, 'alloc.0x01.storage.0x00'),
        (error: unknown) =>
          error instanceof CliqueError &&
          error.code === 'CLIQUE_QUANTITY_INVALID' &&
          error.path === 'alloc.0x01.storage.0x00',
      )
    })
  }
})
