import assert from 'node:assert/strict'
import * as v from 'valibot'
import { ChainopsError } from '../errors/ChainopsError.ts'
import { Secret } from '../secrets/Secret.ts'
import { bigintStringSchema } from './bigintStringSchema.ts'
import { parseWith } from './parseWith.ts'
import { SchemaValidationError } from './SchemaValidationError.ts'

const genesisSchema = v.object({
  config: v.object({ chainId: v.number() }),
  alloc: v.record(v.string(), v.object({ balance: bigintStringSchema })),
})

function caught(run: () => unknown): SchemaValidationError {
  try {
    run()
  } catch (error) {
    assert.ok(error instanceof SchemaValidationError)
    return error
  }
  assert.fail('expected a throw')
}

describe('parseWith', () => {
  it('returns the typed output when the input fits', () => {
    const output = parseWith(
      genesisSchema,
      { config: { chainId: 2789 }, alloc: { '0x12': { balance: '0x10' } } },
      {
        code: 'GENESIS_INVALID',
        what: 'genesis',
      },
    )
    assert.deepEqual(output, { config: { chainId: 2789 }, alloc: { '0x12': { balance: 16n } } })
  })

  it('throws a ChainopsError with the given code and the path and expectation of each issue', () => {
    const error = caught(() =>
      parseWith(
        genesisSchema,
        { config: { chainId: '2789' }, alloc: { '0x12': { balance: 3 } } },
        {
          code: 'GENESIS_INVALID',
          what: 'genesis',
        },
      ),
    )
    assert.ok(error instanceof ChainopsError)
    assert.equal(error.code, 'GENESIS_INVALID')
    assert.equal(error.shortMessage, 'Invalid genesis')
    assert.deepEqual(error.issues, [
      { path: 'config.chainId', expected: 'number', received: 'string' },
      { path: 'alloc.0x12.balance', expected: 'a non-negative integer string (decimal or 0x hex)', received: 'number' },
    ])
    assert.equal(
      error.details,
      'config.chainId: expected number, received string; alloc.0x12.balance: expected a non-negative integer string (decimal or 0x hex), received number',
    )
  })

  it('names array indexes and the root in paths', () => {
    const list = v.array(v.object({ n: v.number() }))
    assert.equal(
      caught(() => parseWith(list, [{ n: 1 }, {}], { code: 'C', what: 'list' })).details,
      '1.n: expected required key "n", received undefined',
    )
    assert.equal(
      caught(() => parseWith(list, null, { code: 'C', what: 'list' })).details,
      '(root): expected Array, received null',
    )
  })

  it('never echoes the rejected value, not even a mnemonic in the wrong field or a custom message', () => {
    const mnemonic = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'
    const schema = v.object({
      chainId: v.number(),
      label: v.pipe(v.string(), v.maxLength(5)),
      pin: v.pipe(
        v.string(),
        v.check(
          () => false,
          (issue) => `bad pin ${String(issue.input)}`,
        ),
      ),
      mode: v.picklist(['a', 'b']),
    })
    const error = caught(() =>
      parseWith(
        schema,
        { chainId: mnemonic, label: mnemonic, pin: '9137', mode: new Secret('s3cr3t') },
        {
          code: 'CONFIG_INVALID',
          what: 'config',
        },
      ),
    )
    for (const text of [error.message, JSON.stringify(error), String(error.details)]) {
      assert.ok(!text.includes('abandon'), text)
      assert.ok(!text.includes('9137'), text)
      assert.ok(!text.includes('s3cr3t'), text)
    }
    assert.equal(
      error.details,
      'chainId: expected number, received string; label: expected <=5, received string; pin: expected check, received string; mode: expected ("a" | "b"), received Secret',
    )
  })
})
