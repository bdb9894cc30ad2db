import assert from 'node:assert/strict'
import { dynamoDbRecordCodec } from './dynamoDbRecordCodec.ts'

describe('dynamoDbRecordCodec', () => {
  it('lays a record out as t, k, v, j, w and reads it back', () => {
    const item = dynamoDbRecordCodec.item('invoices', 'h1', 2, '{"sats":"21"}', 'tok')
    assert.deepEqual(item, {
      t: { S: 'invoices' },
      k: { S: 'h1' },
      v: { N: '2' },
      j: { S: '{"sats":"21"}' },
      w: { S: 'tok' },
    })
    assert.deepEqual(dynamoDbRecordCodec.key('invoices', 'h1'), { t: { S: 'invoices' }, k: { S: 'h1' } })
    assert.deepEqual(dynamoDbRecordCodec.record(item), {
      table: 'invoices',
      key: 'h1',
      version: 2,
      value: { sats: '21' },
    })
    assert.equal(dynamoDbRecordCodec.version(item), 2)
    assert.equal(dynamoDbRecordCodec.version(undefined), undefined)
    assert.equal(dynamoDbRecordCodec.text(item), '{"sats":"21"}')
    assert.equal(dynamoDbRecordCodec.token(item), 'tok')
  })

  it('conditions a write on the absence of the key (version 0) or on its version', () => {
    assert.deepEqual(dynamoDbRecordCodec.condition(0), {
      ConditionExpression: 'attribute_not_exists(#k)',
      ExpressionAttributeNames: { '#k': 'k' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    })
    assert.deepEqual(dynamoDbRecordCodec.condition(5), {
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'v' },
      ExpressionAttributeValues: { ':v': { N: '5' } },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    })
  })
})
