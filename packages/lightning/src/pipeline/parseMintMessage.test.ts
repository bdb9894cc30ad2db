import assert from 'node:assert/strict'
import { parseMintMessage } from './parseMintMessage.ts'

const hash = 'ab'.repeat(32)

describe('parseMintMessage', () => {
  it('accepts exactly { v: 1, paymentHash }', () => {
    assert.deepEqual(parseMintMessage(JSON.stringify({ v: 1, paymentHash: hash })), {
      ok: true,
      message: { v: 1, paymentHash: hash },
    })
  })
  const refused: Array<[string, unknown, string]> = [
    ['not JSON', '{v:1', 'the body is not JSON'],
    ['a JSON array', '[1]', 'the body is not a JSON object'],
    ['JSON null', 'null', 'the body is not a JSON object'],
    ['version 2', JSON.stringify({ v: 2, paymentHash: hash }), 'unsupported message version 2 (expected 1)'],
    ['no version', JSON.stringify({ paymentHash: hash }), 'unsupported message version undefined (expected 1)'],
    [
      'an upper-case hash',
      JSON.stringify({ v: 1, paymentHash: hash.toUpperCase() }),
      'paymentHash is not 64 lowercase hex characters',
    ],
    ['a short hash', JSON.stringify({ v: 1, paymentHash: 'abcd' }), 'paymentHash is not 64 lowercase hex characters'],
    ['an amount smuggled in', JSON.stringify({ v: 1, paymentHash: hash, amount: '1000' }), 'unexpected fields: amount'],
    ['a huge body', 'x'.repeat(2000), 'the body is longer than 1024 characters'],
    ['a non-string body', 42, 'the body is not a string'],
  ]
  for (const [name, body, reason] of refused) {
    it(`refuses ${name}: "${reason}"`, () => assert.deepEqual(parseMintMessage(body), { ok: false, reason }))
  }
})
