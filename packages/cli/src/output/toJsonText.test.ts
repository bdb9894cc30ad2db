import assert from 'node:assert/strict'
import { toJsonText } from './toJsonText.ts'

describe('toJsonText', () => {
  it('writes bigints as exact decimal strings and Maps as objects', () => {
    assert.equal(
      toJsonText({ wei: 2n ** 100n, tally: new Map([['0xab', 1]]) }),
      '{\n  "wei": "1267650600228229401496703205376",\n  "tally": {\n    "0xab": 1\n  }\n}',
    )
  })
})
