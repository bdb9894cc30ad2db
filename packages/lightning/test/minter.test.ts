import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  createLogger,
  isChainopsError,
  type Queue,
  Rational,
  Secret,
  SqliteQueue,
  SqliteStore,
  type Store,
} from '@chainops/core'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { type Address, createPublicClient, getAddress, type Hex, http, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { createMintConsumerHandler } from '../src/lambda/createMintConsumerHandler.ts'
import { toSqsEvent } from '../src/lambda/toSqsEvent.ts'
import { createMinter } from '../src/minter/createMinter.ts'
import type { Minter } from '../src/minter/Minter.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow, NONCES_TABLE } from '../src/minter/MintJournalRow.ts'
import { mintWeiOf } from '../src/minter/mintWeiOf.ts'
import { spawnMinterProcess } from '../src/minter/testProcesses/spawnMinterProcess.ts'
import { minterTxPoolArgs } from '../src/pipeline/minterTxPoolArgs.ts'
import { runMintPipeline } from '../src/pipeline/runMintPipeline.ts'
import { createMintWatcher } from '../src/watcher/createMintWatcher.ts'

const RATE = '10000000000/1' // 10^10 wei per sat: 1 BTC -> 1 coin

/** A PAID invoice record as the settle subscriber writes it; resolves to its payment hash. */
async function putPaidInvoice(
  store: Store,
  address: Address,
  receivedMsat: bigint,
  state: InvoiceRecord['state'] = 'PAID',
) {
  const paymentHash = randomBytes(32).toString('hex')
  const now = new Date().toISOString()
  const record: InvoiceRecord = {
    paymentHash,
    address: getAddress(address),
    requestedSats: (receivedMsat / 1000n).toString(),
    rate: RATE,
    request: 'lnbcrt1test',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    createdAt: now,
    state,
    ...(state === 'PAID'
      ? {
          receivedMsat: receivedMsat.toString(),
          settleIndex: '1',
          paidAt: now,
          mintWei: mintWeiOf({ receivedMsat, rate: Rational.fromString(RATE) }).toString(),
        }
      : {}),
  }
  await store.putIfAbsent(INVOICES_TABLE, paymentHash, record)
  return paymentHash
}

function mintBody(paymentHash: string): string {
  return JSON.stringify({ v: 1, paymentHash })
}

function freshAddress(): Address {
  return privateKeyToAccount(generatePrivateKey()).address
}

async function invoice(store: Store, hash: string): Promise<InvoiceRecord> {
  const record = await store.get<InvoiceRecord>(INVOICES_TABLE, hash)
  assert.ok(record, `no invoice ${hash}`)
  return record.value
}

async function minted(store: Store, hashes: readonly string[], timeoutMs = 30_000): Promise<void> {
  await pollUntil({
    description: `${hashes.length} invoices MINTED`,
    condition: async () => {
      for (const hash of hashes) if ((await invoice(store, hash)).state !== 'MINTED') return false
      return true
    },
    timeoutMs,
  })
}

async function journalRows(store: Store): Promise<MintJournalRow[]> {
  return (await store.list<MintJournalRow>(MINT_JOURNAL_TABLE, { limit: 1000 })).records.map((record) => record.value)
}

/** Every log line of the test's minters and pipelines, at debug level. */
const logLines: string[] = []
const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) })

describe('minter @integration: settled jobs to coins on a real geth Clique chain, exactly once', () => {
  let net: GethCliqueNetwork
  let client: PublicClient
  let dir: string
  const keys = Array.from({ length: 8 }, () => generatePrivateKey())
  let nextKey = 0
  const cleanups: Array<() => Promise<void>> = []

  before(async () => {
    net = await startGethClique({
      sealers: 1,
      period: 1,
      label: 'lightning-minter',
      prefund: keys.map((key) => ({ address: privateKeyToAccount(key).address, balanceWei: 10n ** 24n })),
      extraArgs: minterTxPoolArgs(),
    })
    const rpc = net.rpc
    assert.ok(rpc)
    client = createPublicClient({ transport: http(rpc.rpcUrl, { batch: { wait: 0 }, retryCount: 2, retryDelay: 100 }) })
    dir = await mkdtemp(join(tmpdir(), 'chainops-minter-test-'))
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  after(async () => {
    await net?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** A fresh store + queue file and an operator key nobody else uses. */
  function fixture() {
    const dbPath = join(dir, `${randomBytes(6).toString('hex')}.db`)
    const store = new SqliteStore({ path: dbPath })
    const queue = new SqliteQueue({ path: dbPath, name: 'mint', visibilityTimeoutMs: 2000 })
    const key = keys[nextKey++] as Hex
    const operator = privateKeyToAccount(key).address
    cleanups.push(async () => {
      await queue.close()
      await store.close()
    })
    return { dbPath, store, queue, key, operator, groupId: `mint:${operator}` }
  }

  function startMinter(store: Store, key: Hex, extra: Partial<Parameters<typeof createMinter>[0]> = {}): Minter {
    const minter = createMinter({
      store,
      client,
      signerKey: new Secret(key),
      chainId: net.chainId,
      pollIntervalMs: 100,
      resendAfterMs: 1000,
      lease: { ttlMs: 5000 },
      logger,
      ...extra,
    })
    cleanups.push(() => minter.stop())
    return minter
  }

  async function pipelineOf(queue: Queue, minter: Minter) {
    await minter.start()
    const pipeline = runMintPipeline({ queue, minter, idleMs: 20, retryDelayMs: 300, logger })
    cleanups.unshift(() => pipeline.stop())
    return pipeline
  }

  const nonceOf = async (address: Address) => BigInt(await client.getTransactionCount({ address }))

  it('one job mints exactly one transfer of floor(receivedMsat * rate / 1000) wei to the invoice address', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const recipient = freshAddress()
    const hash = await putPaidInvoice(store, recipient, 123_456_789n)
    await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
    const pipeline = await pipelineOf(queue, startMinter(store, key))
    await minted(store, [hash])

    const record = await invoice(store, hash)
    assert.equal(record.mintWei, '1234567890000000')
    assert.equal(await client.getBalance({ address: recipient }), 1_234_567_890_000_000n)
    const tx = await client.getTransaction({ hash: record.mintTxHash as Hex })
    assert.equal(getAddress(tx.from), operator)
    assert.equal(tx.to && getAddress(tx.to), recipient)
    assert.equal(tx.value, 1_234_567_890_000_000n)
    assert.equal(tx.nonce, 0)
    assert.equal(tx.blockNumber?.toString(), record.mintBlock)
    assert.equal(await nonceOf(operator), 1n)
    const [row] = await journalRows(store)
    assert.equal(row?.txHash, record.mintTxHash)
    assert.equal(row?.nonce, '0')
    assert.equal(row?.outcome?.kind, 'minted')
    await pollUntil({ description: 'the message deleted', condition: async () => pipeline.stats().deleted === 1 })
    assert.deepEqual(await queue.receive({ max: 10 }), [])
    assert.deepEqual(await queue.deadLetters(), [])
  })

  it('the same job delivered three times (two enqueues and a late redelivery) mints once', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const recipient = freshAddress()
    const hash = await putPaidInvoice(store, recipient, 5_000_000n)
    // The subscriber and the reconciler both enqueue it (the second after the dedup window).
    assert.equal((await queue.send({ body: mintBody(hash), dedupId: hash, groupId })).enqueued, true)
    assert.equal((await queue.send({ body: mintBody(hash), dedupId: `${hash}:reconciled`, groupId })).enqueued, true)
    const pipeline = await pipelineOf(queue, startMinter(store, key))
    await minted(store, [hash])
    // ...and once more after it was minted.
    assert.equal((await queue.send({ body: mintBody(hash), dedupId: `${hash}:late`, groupId })).enqueued, true)
    await pollUntil({
      description: 'all three deliveries deleted',
      condition: async () => pipeline.stats().deleted === 3,
    })
    assert.equal(pipeline.stats().received, 3)
    await sleep(1500)
    assert.equal(await nonceOf(operator), 1n, 'one transaction from the operator')
    assert.equal(await client.getBalance({ address: recipient }), 50_000_000_000_000n)
    assert.equal((await journalRows(store)).length, 1)
  })

  it('SIGKILL after the journal write and before the broadcast: the restart broadcasts the journaled transaction, one mint', async () => {
    const { dbPath, store, queue, key, operator, groupId } = fixture()
    const recipient = freshAddress()
    const hash = await putPaidInvoice(store, recipient, 7_000_000n)
    await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
    const config = {
      dbPath,
      queueName: 'mint',
      rpcUrl: net.rpc?.rpcUrl as string,
      chainId: net.chainId,
      leaseTtlMs: 5000,
      visibilityTimeoutMs: 2000,
    }
    const first = spawnMinterProcess({ ...config, crashAt: { point: 'journaled', after: 1 } }, key)
    cleanups.push(() => first.kill())
    const journaled = await first.waitFor((event) => event.event === 'crash-point')
    await first.kill()
    assert.deepEqual(journaled.hashes, [hash])

    const [row] = await journalRows(store)
    assert.ok(row)
    assert.equal(row.nonce, '0')
    assert.equal(await client.request({ method: 'eth_getTransactionByHash', params: [row.txHash] }), null)
    assert.equal(await nonceOf(operator), 0n)
    assert.equal((await invoice(store, hash)).state, 'PAID')

    const second = spawnMinterProcess(config, key)
    cleanups.push(() => second.stop())
    const started = await second.waitFor((event) => event.event === 'started')
    assert.equal(started.open, 1)
    assert.equal(started.resumed, 1)
    await minted(store, [hash])
    assert.equal((await invoice(store, hash)).mintTxHash, row.txHash)
    await sleep(1500)
    assert.equal(await nonceOf(operator), 1n)
    assert.equal(await client.getBalance({ address: recipient }), 70_000_000_000_000n)
    assert.equal((await journalRows(store)).length, 1)
  })

  it('SIGKILL after the broadcast and before the receipt: the restart finds the receipt of the same transaction, one mint', async () => {
    const { dbPath, store, queue, key, operator, groupId } = fixture()
    const recipient = freshAddress()
    const hash = await putPaidInvoice(store, recipient, 9_000_000n)
    await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
    const config = {
      dbPath,
      queueName: 'mint',
      rpcUrl: net.rpc?.rpcUrl as string,
      chainId: net.chainId,
      leaseTtlMs: 5000,
      visibilityTimeoutMs: 2000,
    }
    const first = spawnMinterProcess({ ...config, crashAt: { point: 'broadcast', after: 1 } }, key)
    cleanups.push(() => first.kill())
    await first.waitFor((event) => event.event === 'crash-point')
    await first.kill()
    const [row] = await journalRows(store)
    assert.ok(row)
    assert.equal((await invoice(store, hash)).state, 'PAID')
    // The broadcast reached the node: the transaction is mined while no minter runs.
    await pollUntil({
      description: 'the journaled transaction mined',
      condition: async () => (await nonceOf(operator)) === 1n,
    })

    const second = spawnMinterProcess(config, key)
    cleanups.push(() => second.stop())
    const started = await second.waitFor((event) => event.event === 'started')
    assert.equal(started.open, 1)
    assert.equal(started.settled, 1, 'settled from the receipt, not sent again')
    await minted(store, [hash])
    assert.equal((await invoice(store, hash)).mintTxHash, row.txHash)
    await sleep(1500)
    assert.equal(await nonceOf(operator), 1n)
    assert.equal(await client.getBalance({ address: recipient }), 90_000_000_000_000n)
  })

  it('the geth RPC node restarted mid-run: every job mints exactly once', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const jobs: Array<{ hash: string; recipient: Address; wei: bigint }> = []
    const enqueue = async (count: number) => {
      for (let index = 0; index < count; index++) {
        const recipient = freshAddress()
        const msat = BigInt(1_000_000 + jobs.length * 1000)
        const hash = await putPaidInvoice(store, recipient, msat)
        jobs.push({ hash, recipient, wei: mintWeiOf({ receivedMsat: msat, rate: Rational.fromString(RATE) }) })
        await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
      }
    }
    await enqueue(20)
    logLines.length = 0
    const minter = startMinter(store, key)
    await pipelineOf(queue, minter)
    await pollUntil({ description: 'the first jobs journaled', condition: async () => minter.stats().journaled >= 20 })
    const rpcIndex = net.rpc?.index as number
    await net.stopNode(rpcIndex)
    await enqueue(20) // journaled while the node is down; their broadcasts fail and are retried
    await pollUntil({
      description: 'the jobs sent during the outage journaled',
      condition: async () => minter.stats().journaled === 40,
    })
    await sleep(1500)
    await net.startNode(rpcIndex)
    await minted(
      store,
      jobs.map((job) => job.hash),
      60_000,
    )
    await sleep(1500)
    assert.equal(await nonceOf(operator), 40n, 'exactly 40 transactions from the operator')
    for (const job of jobs) assert.equal(await client.getBalance({ address: job.recipient }), job.wei)
    const rows = await journalRows(store)
    assert.deepEqual(
      rows.map((row) => Number(row.nonce)).sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, index) => index),
    )
    // The outage was logged (with the failing requests), and never with the operator key.
    assert.ok(logLines.some((line) => line.includes('broadcast failed; the mints stay journaled')))
    const keyHex = key.slice(2).toLowerCase()
    assert.equal(logLines.filter((line) => line.toLowerCase().includes(keyHex)).length, 0)
  })

  it('a restart plans its nonce from the open-row index, and reads the whole journal only when the index shows a hole', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const hashes: string[] = []
    for (let index = 0; index < 3; index++) hashes.push(await putPaidInvoice(store, freshAddress(), 1_000_000n))
    for (const hash of hashes) await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
    const pipeline = await pipelineOf(queue, startMinter(store, key))
    await minted(store, hashes)
    await pipeline.stop()
    await pollUntil({ description: 'the chain nonce at 3', condition: async () => (await nonceOf(operator)) === 3n })

    // Every list() of the journal a recovery makes, by table.
    const listed: string[] = []
    const counting: Store = {
      ...store,
      get: (table, key) => store.get(table, key),
      getMany: (keys) => store.getMany(keys),
      putIfAbsent: (table, key, value) => store.putIfAbsent(table, key, value),
      compareAndSet: (table, key, version, next) => store.compareAndSet(table, key, version, next),
      delete: (table, key, version) => store.delete(table, key, version),
      transaction: (fn) => store.transaction(fn),
      close: async () => {},
      list: (table, options) => {
        listed.push(table)
        return store.list(table, options)
      },
    }
    const restart = async () => {
      listed.length = 0
      const minter = createMinter({
        store: counting,
        client,
        signerKey: new Secret(key),
        chainId: net.chainId,
        lease: false,
        watch: false,
        logger,
      })
      try {
        return await minter.start()
      } finally {
        await minter.stop()
      }
    }
    const first = await restart()
    assert.equal(first.nextNonce, 3n)
    assert.deepEqual(listed, ['mint_open'])

    // Nonce 3 journaled and given its outcome (as when a watcher records it after the recovery's
    // chain read): no open-index entry, so the index shows a hole, which the whole journal fills.
    const [row] = await journalRows(store)
    assert.ok(row)
    await store.putIfAbsent(MINT_JOURNAL_TABLE, 'recorded-meanwhile', {
      ...row,
      paymentHash: 'recorded-meanwhile',
      nonce: '3',
    })
    const nonces = await store.get<{ next: string }>(NONCES_TABLE, operator)
    assert.ok(nonces)
    await store.compareAndSet(NONCES_TABLE, operator, nonces.version, { next: '4' })
    const second = await restart()
    assert.equal(second.nextNonce, 4n)
    assert.deepEqual(listed, ['mint_open', MINT_JOURNAL_TABLE])

    // A real hole (nonce 4 has no row anywhere) is refused after the same full read.
    const moved = await store.get<{ next: string }>(NONCES_TABLE, operator)
    assert.ok(moved)
    await store.compareAndSet(NONCES_TABLE, operator, moved.version, { next: '5' })
    await assert.rejects(
      restart(),
      (error: unknown) =>
        isChainopsError(error, 'MINT_NONCE_GAP') && /nonces without a journal row: 4 /.test(error.details ?? ''),
    )
    assert.deepEqual(listed, ['mint_open', MINT_JOURNAL_TABLE])
  })

  it('malformed messages and never-mintable invoices are dead-lettered with their reasons; nothing is sent', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const expired = await putPaidInvoice(store, freshAddress(), 1_000_000n, 'EXPIRED')
    const bodies = [
      '{not json',
      JSON.stringify({ v: 2, paymentHash: expired }),
      JSON.stringify({ v: 1, paymentHash: 'XYZ' }),
    ]
    for (const [index, body] of bodies.entries()) await queue.send({ body, dedupId: `bad-${index}`, groupId })
    await queue.send({ body: mintBody(expired), dedupId: expired, groupId })
    await pipelineOf(queue, startMinter(store, key))
    const letters = await pollUntil({
      description: 'four dead letters',
      condition: async () => {
        const found = await queue.deadLetters()
        return found.length === 4 ? found : undefined
      },
    })
    assert.deepEqual(
      letters.map((letter) => letter.reason),
      [
        'MINT_INVALID_MESSAGE: the body is not JSON',
        'MINT_INVALID_MESSAGE: unsupported message version 2 (expected 1)',
        'MINT_INVALID_MESSAGE: paymentHash is not 64 lowercase hex characters',
        'MINT_INVALID_RECORD: the invoice is EXPIRED and never mints',
      ],
    )
    assert.equal(await nonceOf(operator), 0n)
    assert.deepEqual(await journalRows(store), [])
  })

  it('the SQS consumer Lambda: journals and sends the batch, dead-letters the malformed record, reports the unpaid one as a batch item failure; the receipt watcher mints; a redelivery mints nothing more', async () => {
    const { store, queue, key, operator, groupId } = fixture()
    const recipients = [freshAddress(), freshAddress()]
    const paid = [
      await putPaidInvoice(store, recipients[0] as Address, 2_000_000n),
      await putPaidInvoice(store, recipients[1] as Address, 3_000_000n),
    ]
    const pending = await putPaidInvoice(store, freshAddress(), 1_000_000n, 'PENDING')
    for (const hash of [...paid, pending]) await queue.send({ body: mintBody(hash), dedupId: hash, groupId })
    await queue.send({ body: '{"v":1}', dedupId: 'malformed', groupId })
    const handler = createMintConsumerHandler({
      minter: startMinter(store, key, { lease: false, watch: false }),
      queue,
      logger,
    })
    // What the SQS event source mapping does: receive, invoke, delete what did not fail.
    const deliver = async () => {
      const messages = await queue.receive({ max: 10, visibilityTimeoutMs: 30_000 })
      const event = toSqsEvent(messages, {
        eventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:mint.fifo',
        awsRegion: 'us-east-1',
      })
      const response = await handler(event, { getRemainingTimeInMillis: () => 60_000 })
      const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier))
      for (const message of messages) if (!failed.has(message.messageId)) await queue.delete(message.receiptHandle)
      return { messages, failed }
    }
    const first = await deliver()
    assert.equal(first.messages.length, 4)
    const pendingMessage = first.messages.find((message) => message.body === mintBody(pending))
    assert.deepEqual([...first.failed], [pendingMessage?.messageId])
    // Acknowledged once journaled and sent: the receipt watcher, not the consumer, writes MINTED.
    for (const hash of paid) assert.equal((await invoice(store, hash)).state, 'PAID')
    assert.deepEqual((await journalRows(store)).map((row) => row.nonce).sort(), ['0', '1'])
    const watcher = createMintWatcher({
      store,
      client,
      signerKey: new Secret(key),
      chainId: net.chainId,
      pollIntervalMs: 100,
      lease: { ttlMs: 5000 },
      logger,
    })
    cleanups.push(() => watcher.stop())
    await watcher.start()
    void watcher.run()
    await minted(store, paid)
    assert.equal(await client.getBalance({ address: recipients[0] as Address }), 20_000_000_000_000n)
    assert.equal(await client.getBalance({ address: recipients[1] as Address }), 30_000_000_000_000n)
    assert.deepEqual(
      (await queue.deadLetters()).map((letter) => letter.reason),
      ['MINT_INVALID_MESSAGE: paymentHash is not 64 lowercase hex characters'],
    )

    await queue.send({ body: mintBody(paid[0] as string), dedupId: `${paid[0]}:again`, groupId })
    await queue.changeVisibility(pendingMessage?.receiptHandle as string, 0)
    const second = await deliver()
    assert.equal(second.messages.length, 2)
    assert.deepEqual([...second.failed], [pendingMessage?.messageId], 'the unpaid invoice fails again')
    await sleep(1500)
    assert.equal(await nonceOf(operator), 2n, 'two transactions for two paid invoices, none for the redelivery')
  })
})
