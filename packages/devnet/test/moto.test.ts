import assert from 'node:assert/strict'
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb'
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs'
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { type MotoServer, startMoto } from '../src/moto/startMoto.ts'
import { isPidAlive } from '../src/process/Daemon.ts'

describe('startMoto @integration', () => {
  let moto: MotoServer

  before(async () => {
    moto = await startMoto()
  })

  after(async () => {
    await moto?.stop()
  })

  it('binds to 127.0.0.1 and hands out an endpoint with dummy credentials', () => {
    assert.match(moto.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(moto.clientConfig.region, 'us-east-1')
    assert.ok(moto.clientConfig.credentials.accessKeyId)
  })

  it('SQS FIFO drops a second message with the same deduplication id', async () => {
    const sqs = new SQSClient(moto.clientConfig)
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'mint-jobs.fifo', Attributes: { FifoQueue: 'true' } }),
    )
    await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'job-1',
        MessageGroupId: 'minter',
        MessageDeduplicationId: 'hash-1',
      }),
    )
    await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'job-1 again',
        MessageGroupId: 'minter',
        MessageDeduplicationId: 'hash-1',
      }),
    )
    // The duplicate is accepted by the API but not enqueued: one message comes back.
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))
    assert.deepEqual(
      received.Messages?.map((m) => m.Body),
      ['job-1'],
    )
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: received.Messages?.[0]?.ReceiptHandle }))
    const after = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))
    assert.equal(after.Messages?.length ?? 0, 0)
  })

  it('SSM SecureString round-trips with decryption', async () => {
    const ssm = new SSMClient(moto.clientConfig)
    const value = '0x' + 'ab'.repeat(32)
    await ssm.send(new PutParameterCommand({ Name: '/chainops/operator-key', Type: 'SecureString', Value: value }))
    const encrypted = await ssm.send(new GetParameterCommand({ Name: '/chainops/operator-key' }))
    assert.equal(encrypted.Parameter?.Type, 'SecureString')
    assert.notEqual(encrypted.Parameter?.Value, value)
    const decrypted = await ssm.send(new GetParameterCommand({ Name: '/chainops/operator-key', WithDecryption: true }))
    assert.equal(decrypted.Parameter?.Value, value)
  })

  it('DynamoDB conditional put refuses a duplicate key', async () => {
    const ddb = new DynamoDBClient(moto.clientConfig)
    await ddb.send(
      new CreateTableCommand({
        TableName: 'invoices',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    )
    const put = (state: string) =>
      ddb.send(
        new PutItemCommand({
          TableName: 'invoices',
          Item: { pk: { S: 'hash-1' }, state: { S: state } },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
    await put('PENDING')
    await assert.rejects(put('PAID'), ConditionalCheckFailedException)
    const item = await ddb.send(new GetItemCommand({ TableName: 'invoices', Key: { pk: { S: 'hash-1' } } }))
    assert.equal(item.Item?.state?.S, 'PENDING')
  })

  it('DynamoDB transaction that fails on its last condition leaves every item it wrote or updated as it was', async () => {
    const ddb = new DynamoDBClient(moto.clientConfig)
    await ddb.send(
      new CreateTableCommand({
        TableName: 'records',
        AttributeDefinitions: [
          { AttributeName: 't', AttributeType: 'S' },
          { AttributeName: 'k', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 't', KeyType: 'HASH' },
          { AttributeName: 'k', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    )
    const key = (k: string) => ({ t: { S: 'x' }, k: { S: k } })
    for (const k of ['a', 'b', 'c'])
      await ddb.send(new PutItemCommand({ TableName: 'records', Item: { ...key(k), v: { N: '1' } } }))
    const before = await ddb.send(new ScanCommand({ TableName: 'records' }))
    const failed = ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'records', Item: { ...key('new'), v: { N: '1' } } } },
          { Put: { TableName: 'records', Item: { ...key('a'), v: { N: '2' } } } },
          {
            Update: {
              TableName: 'records',
              Key: key('b'),
              UpdateExpression: 'SET v = :two',
              ExpressionAttributeValues: { ':two': { N: '2' } },
            },
          },
          { Delete: { TableName: 'records', Key: key('c') } },
          {
            ConditionCheck: {
              TableName: 'records',
              Key: key('missing'),
              ConditionExpression: 'attribute_exists(k)',
            },
          },
        ],
      }),
    )
    await assert.rejects(failed, (error: unknown) => {
      assert.ok(error instanceof TransactionCanceledException)
      assert.deepEqual(
        error.CancellationReasons?.map((reason) => reason.Code),
        ['None', 'None', 'None', 'None', 'ConditionalCheckFailed'],
      )
      return true
    })
    const after = await ddb.send(new ScanCommand({ TableName: 'records' }))
    assert.deepEqual(after.Items, before.Items)
    assert.deepEqual(
      after.Items?.map((item) => [item.k?.S, item.v?.N]),
      [
        ['a', '1'],
        ['b', '1'],
        ['c', '1'],
      ],
    )
    // and one that holds commits all of it
    await ddb.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'records', Item: { ...key('new'), v: { N: '1' } } } },
          { Delete: { TableName: 'records', Key: key('c') } },
        ],
      }),
    )
    const committed = await ddb.send(new ScanCommand({ TableName: 'records' }))
    assert.deepEqual(
      committed.Items?.map((item) => item.k?.S),
      ['a', 'b', 'new'],
    )
  })

  it('reset() clears every resource', async () => {
    const sqs = new SQSClient(moto.clientConfig)
    await sqs.send(new CreateQueueCommand({ QueueName: 'to-be-reset' }))
    await moto.reset()
    const { ListQueuesCommand } = await import('@aws-sdk/client-sqs')
    const listed = await sqs.send(new ListQueuesCommand({}))
    assert.equal(listed.QueueUrls?.length ?? 0, 0)
  })

  it('stop() ends the server process by PID', async () => {
    const other = await startMoto()
    const [pid] = other.pids()
    assert.ok(pid && isPidAlive(pid))
    await other.stop()
    assert.equal(isPidAlive(pid), false)
  })
})
