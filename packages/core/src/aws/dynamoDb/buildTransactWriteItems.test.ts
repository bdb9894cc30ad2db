import assert from 'node:assert/strict'
import { buildTransactWriteItems } from './buildTransactWriteItems.ts'
import { transactionConditionFailed } from './transactionConditionFailed.ts'

const token = '6f9619ff-8b86-d011-b42d-00c04fc964ff'
const absent = { ConditionExpression: 'attribute_not_exists(#k)', ExpressionAttributeNames: { '#k': 'k' } }
const atVersion = (n: number) => ({
  ConditionExpression: '#v = :v',
  ExpressionAttributeNames: { '#v': 'v' },
  ExpressionAttributeValues: { ':v': { N: String(n) } },
})

describe('buildTransactWriteItems', () => {
  it('puts what was written, deletes what was deleted and checks what was only read, each on the version first seen', () => {
    const items = buildTransactWriteItems({
      tableName: 'chainops',
      token,
      entries: [
        { table: 'mints', key: 'h1', expected: 0, current: { version: 1, text: '{"n":0}' }, written: true },
        { table: 'invoices', key: 'h1', expected: 3, current: { version: 4, text: '"PAID"' }, written: true },
        { table: 'leases', key: 'minter', expected: 2, current: undefined, written: true },
        { table: 'rates', key: 'btc', expected: 7, current: { version: 7, text: '1' }, written: false },
        { table: 'audit', key: 'a1', expected: 0, current: undefined, written: false },
      ],
    })
    const common = { TableName: 'chainops', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }
    assert.deepEqual(items, [
      {
        Put: {
          ...common,
          ...absent,
          Item: { t: { S: 'mints' }, k: { S: 'h1' }, v: { N: '1' }, j: { S: '{"n":0}' }, w: { S: token } },
        },
      },
      {
        Put: {
          ...common,
          ...atVersion(3),
          Item: { t: { S: 'invoices' }, k: { S: 'h1' }, v: { N: '4' }, j: { S: '"PAID"' }, w: { S: token } },
        },
      },
      { Delete: { ...common, ...atVersion(2), Key: { t: { S: 'leases' }, k: { S: 'minter' } } } },
      { ConditionCheck: { ...common, ...atVersion(7), Key: { t: { S: 'rates' }, k: { S: 'btc' } } } },
      { ConditionCheck: { ...common, ...absent, Key: { t: { S: 'audit' }, k: { S: 'a1' } } } },
    ])
  })
})

describe('transactionConditionFailed', () => {
  it('says what a cancelled commit found, as the same call outside a transaction would', () => {
    const cases: [Parameters<typeof transactionConditionFailed>, string][] = [
      [[{ table: 'm', key: 'h', expected: 0, current: undefined, written: true }, 1], 'm/h: the key already exists'],
      [
        [{ table: 'i', key: 'h', expected: 1, current: undefined, written: true }, 2],
        'i/h: expected version 1, found version 2',
      ],
      [
        [{ table: 'i', key: 'h', expected: 1, current: undefined, written: true }, undefined],
        'i/h: expected version 1, found no record',
      ],
      [
        [{ table: 'r', key: 'b', expected: 1, current: undefined, written: false }, 2],
        'r/b: the transaction read version 1, found version 2 at commit',
      ],
      [
        [{ table: 'r', key: 'b', expected: 0, current: undefined, written: false }, 1],
        'r/b: the transaction read no record, found version 1 at commit',
      ],
    ]
    for (const [args, details] of cases) {
      const error = transactionConditionFailed(...args)
      assert.equal(error.code, 'STORE_CONDITION_FAILED')
      assert.equal(error.details, details)
    }
  })
})
