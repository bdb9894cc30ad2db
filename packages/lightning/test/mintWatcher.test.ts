import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, isChainopsError, Rational, Secret, type Store } from '@chainops/core'
import { DynamoDbStore, SqsQueue } from '@chainops/core/aws'
import { type GethCliqueNetwork, type MotoServer, startGethClique, startMoto } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import type { SQSEvent } from 'aws-lambda'
import { JsonRpcProvider, Wallet } from 'ethers'
import { type Address, createPublicClient, getAddress, type Hex, http, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { createMintConsumerHandler, type MintConsumerHandler } from '../src/lambda/createMintConsumerHandler.ts'
import { createMintWatcherHandler } from '../src/lambda/createMintWatcherHandler.ts'
import { toSqsEvent } from '../src/lambda/toSqsEvent.ts'
import { type CreateMinterParameters, createMinter } from '../src/minter/createMinter.ts'
import type { Minter } from '../src/minter/Minter.ts'
import { MINT_JOURNAL_TABLE, MINT_OPEN_TABLE, type MintJournalRow } from '../src/minter/MintJournalRow.ts'
import { mintOpenKey } from '../src/minter/mintOpenKey.ts'
import { spawnMinterProcess } from '../src/minter/testProcesses/spawnMinterProcess.ts'
import { minterTxPoolArgs } from '../src/pipeline/minterTxPoolArgs.ts'
import { assignSendingKey } from '../src/settle/assignSendingKey.ts'
import { recordSettlement } from '../src/settle/recordSettlement.ts'
import { putPaidInvoices } from '../src/testing/putPaidInvoices.ts'
import { type CreateMintWatcherParameters, createMintWatcher } from '../src/watcher/createMintWatcher.ts'
import type { MintWatcher } from '../src/watcher/MintWatcher.ts'
import type { MintWatcherProcessConfig } from '../src/watcher/testProcesses/runMintWatcherProcess.ts'

const RATE = Rational.fromString('10000000000/1') // 10^10 wei per sat
const watcherScript = new URL('../src/watcher/testProcesses/runMintWatcherProcess.ts', import.meta.url).pathname

const logLines: string[] = []
const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) })

async function invoiceState(store: Store, hash: string): Promise<InvoiceRecord['state'] | undefined> {
  return (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value.state
}

async function journalRow(store: Store, hash: string): Promise<MintJournalRow> {
  const row = await store.get<MintJournalRow>(MINT_JOURNAL_TABLE, hash)
  assert.ok(row, `no journal row for ${hash}`)
  return row.value
}

describe('receipt watcher and journaled ack @integration: the AWS mode on moto (DynamoDB, SQS FIFO) and a real geth Clique chain', function () {
  this.timeout(240_000)
  let net: GethCliqueNetwork
  let moto: MotoServer
  let client: PublicClient
  const keys = Array.from({ length: 11 }, () => generatePrivateKey())
  let nextKey = 0
  const cleanups: Array<() => Promise<void>> = []

  before(async () => {
    ;[net, moto] = await Promise.all([
      startGethClique({
        sealers: 1,
        period: 1,
        label: 'lightning-mint-watcher',
        prefund: keys.map((key) => ({ address: privateKeyToAccount(key).address, balanceWei: 10n ** 24n })),
        extraArgs: minterTxPoolArgs(),
      }),
      startMoto(),
    ])
    client = createPublicClient({
      transport: http(net.rpc?.rpcUrl as string, { batch: { wait: 0 }, retryCount: 2, retryDelay: 100 }),
    })
  })

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
  })

  after(async () => {
    await Promise.allSettled([net?.stop(), moto?.stop()])
  })

  /** A fresh DynamoDB table and SQS FIFO queue on moto, and an operator key nobody else uses. */
  async function fixture() {
    const id = randomBytes(4).toString('hex')
    const tableName = `watcher-${id}`
    const store = new DynamoDbStore({ tableName, clientConfig: moto.clientConfig })
    await store.ensureTable()
    const queue = new SqsQueue({ name: `watcher-${id}`, clientConfig: moto.clientConfig, visibilityTimeoutMs: 30_000 })
    await queue.ensureQueues()
    const key = keys[nextKey++] as Hex
    const operator = privateKeyToAccount(key).address
    cleanups.push(async () => {
      await queue.close()
      await store.close()
    })
    return { store, queue, key, operator, tableName, groupId: `mint:${operator}` }
  }

  async function paidInvoices(store: Store, count: number) {
    const invoices = Array.from({ length: count }, (_, index) => ({
      paymentHash: randomBytes(32).toString('hex'),
      address: getAddress(privateKeyToAccount(generatePrivateKey()).address),
      receivedMsat: BigInt(1_000_000 + index * 1000),
    }))
    await putPaidInvoices({ store, invoices, rate: RATE })
    return invoices
  }

  /** The AWS consumer's minter: no lease (the FIFO group is the single writer), no block watcher. */
  function consumerMinter(store: Store, key: Hex, extra: Partial<CreateMinterParameters> = {}): Minter {
    const minter = createMinter({
      store,
      client,
      signerKey: new Secret(key),
      chainId: net.chainId,
      lease: false,
      watch: false,
      logger,
      ...extra,
    })
    cleanups.push(() => minter.stop())
    return minter
  }

  function watcherOf(store: Store, key: Hex, extra: Partial<CreateMintWatcherParameters> = {}): MintWatcher {
    const watcher = createMintWatcher({
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
    cleanups.push(() => watcher.stop())
    return watcher
  }

  /** What the SQS event source mapping does: receive, invoke, delete what did not fail. */
  async function deliver(queue: SqsQueue, handler: MintConsumerHandler) {
    const messages = await queue.receive({ max: 10, visibilityTimeoutMs: 30_000 })
    const event: SQSEvent = toSqsEvent(messages, {
      eventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:mint.fifo',
      awsRegion: 'us-east-1',
    })
    const response = await handler(event, { getRemainingTimeInMillis: () => 60_000 })
    const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier))
    for (const message of messages) if (!failed.has(message.messageId)) await queue.delete(message.receiptHandle)
    return { messages, failed }
  }

  const nonceOf = async (address: Address, blockTag: 'latest' | 'pending' = 'latest') =>
    BigInt(await client.getTransactionCount({ address, blockTag }))

  async function openIndex(store: Store, operator: Address): Promise<string[]> {
    const page = await store.list<{ paymentHash: string }>(MINT_OPEN_TABLE, {
      prefix: mintOpenKey(operator),
      limit: 1000,
    })
    return page.records.map((record) => record.value.paymentHash)
  }

  it('the consumer acknowledges once the journal row is committed and broadcast, before any MINTED; the watcher then mints each exactly once', async () => {
    const { store, queue, key, operator, groupId } = await fixture()
    const invoices = await paidInvoices(store, 6)
    for (const invoice of invoices)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: invoice.paymentHash,
        groupId,
      })
    const handler = createMintConsumerHandler({ minter: consumerMinter(store, key), queue, logger })

    const first = await deliver(queue, handler)
    assert.equal(first.messages.length, 6)
    assert.deepEqual([...first.failed], [], 'every record handled')
    // Acknowledged with no watcher running: nothing can have written MINTED yet.
    assert.equal(await queue.receive({ max: 10, visibilityTimeoutMs: 1000 }).then((m) => m.length), 0, 'queue empty')
    const rows = await Promise.all(invoices.map((invoice) => journalRow(store, invoice.paymentHash)))
    for (const invoice of invoices) assert.equal(await invoiceState(store, invoice.paymentHash), 'PAID')
    assert.deepEqual(
      rows.map((row) => row.nonce).sort((a, b) => Number(a) - Number(b)),
      ['0', '1', '2', '3', '4', '5'],
    )
    for (const row of rows) assert.equal(row.outcome, undefined)
    assert.equal((await openIndex(store, operator)).length, 6, 'six open rows in the index')
    // Broadcast attempted before the acknowledgement: the node has all six (pool or chain).
    assert.equal(await nonceOf(operator, 'pending'), 6n)

    const watcher = watcherOf(store, key)
    await watcher.start()
    const run = watcher.run()
    await pollUntil({
      description: 'six invoices MINTED',
      condition: async () => {
        for (const invoice of invoices) if ((await invoiceState(store, invoice.paymentHash)) !== 'MINTED') return false
        return true
      },
      timeoutMs: 30_000,
    })
    await watcher.stop()
    await run
    for (const invoice of invoices) {
      const record = await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.paymentHash)
      const row = await journalRow(store, invoice.paymentHash)
      assert.equal(record?.value.mintTxHash, row.txHash)
      assert.equal(row.outcome?.kind, 'minted')
      assert.equal(await client.getBalance({ address: invoice.address }), (invoice.receivedMsat / 1000n) * 10n ** 10n)
    }
    assert.deepEqual(await openIndex(store, operator), [], 'the index holds no settled row')
    assert.equal(await nonceOf(operator), 6n, 'six transactions for six invoices')
    assert.equal(watcher.stats().minted, 6)
  })

  it('a journaled-and-acked mint whose watcher was SIGKILLed reaches MINTED once a watcher runs again; the successor takes the lease of the dead one at once', async () => {
    const { store, queue, key, operator, groupId, tableName } = await fixture()
    const config: MintWatcherProcessConfig = {
      aws: { tableName, clientConfig: moto.clientConfig },
      rpcUrl: net.rpc?.rpcUrl as string,
      chainId: net.chainId,
      leaseTtlMs: 60_000,
      pollIntervalMs: 100,
    }
    const first = spawnMinterProcess(config, key, { script: watcherScript })
    cleanups.push(() => first.kill())
    await first.waitFor((event) => event.event === 'started')
    // A second watcher of the same key finds the lease held: only one drives a key.
    const rival = spawnMinterProcess(config, key, { script: watcherScript })
    cleanups.push(() => rival.kill())
    await rival.waitFor((event) => event.event === 'lease-held')
    assert.equal(await rival.exited, 3)

    const handler = createMintConsumerHandler({ minter: consumerMinter(store, key), queue, logger })
    const early = await paidInvoices(store, 3)
    for (const invoice of early)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: invoice.paymentHash,
        groupId,
      })
    assert.deepEqual([...(await deliver(queue, handler)).failed], [])
    // The watcher has picked the rows up (tracked, perhaps already minted), then dies.
    await first.waitFor((event) => event.event === 'round' && Number(event.open) + Number(event.minted) >= 3, 30_000)
    await first.kill()

    // Acked while no watcher lives: mined, and still PAID.
    const late = await paidInvoices(store, 3)
    for (const invoice of late)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: invoice.paymentHash,
        groupId,
      })
    assert.deepEqual([...(await deliver(queue, handler)).failed], [])
    await pollUntil({
      description: 'all six mined',
      condition: async () => (await nonceOf(operator)) === 6n,
      timeoutMs: 20_000,
    })
    await sleep(500)
    for (const invoice of late) assert.equal(await invoiceState(store, invoice.paymentHash), 'PAID')

    // The successor: the dead holder's lease (same host, pid gone) is taken at once, not after its 60 s TTL.
    const second = spawnMinterProcess(config, key, { script: watcherScript })
    cleanups.push(() => second.stop())
    await second.waitFor((event) => event.event === 'started', 20_000)
    await pollUntil({
      description: 'six invoices MINTED',
      condition: async () => {
        for (const invoice of [...early, ...late])
          if ((await invoiceState(store, invoice.paymentHash)) !== 'MINTED') return false
        return true
      },
      timeoutMs: 30_000,
    })
    await second.stop()
    assert.equal(await nonceOf(operator), 6n, 'one transaction per invoice')
    const nonces = await Promise.all([...early, ...late].map((invoice) => journalRow(store, invoice.paymentHash)))
    assert.deepEqual(
      nonces.map((row) => row.nonce).sort((a, b) => Number(a) - Number(b)),
      ['0', '1', '2', '3', '4', '5'],
    )
    assert.deepEqual(await openIndex(store, operator), [])
  })

  it('a redelivery after a crash (between the journal commit and the acknowledgement, or after the acknowledgement) never gets a second nonce', async () => {
    const { store, queue, key, operator, groupId } = await fixture()
    const invoices = await paidInvoices(store, 4)
    for (const invoice of invoices)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: invoice.paymentHash,
        groupId,
      })
    // The first container dies right after the journal commit: no acknowledgement, no broadcast.
    const crashing = createMintConsumerHandler({
      minter: consumerMinter(store, key, {
        hooks: {
          afterJournal: () => {
            throw new Error('the Lambda container died')
          },
        },
      }),
      queue,
      logger,
    })
    const crashed = await deliver(queue, crashing)
    assert.equal(crashed.failed.size, 4, 'nothing acknowledged')
    const journaled = await Promise.all(invoices.map((invoice) => journalRow(store, invoice.paymentHash)))
    assert.equal(await nonceOf(operator, 'pending'), 0n, 'nothing broadcast')

    // A fresh container gets the redelivery: the same rows, the same raw transactions, sent now.
    for (const message of crashed.messages) await queue.changeVisibility(message.receiptHandle, 0)
    const handler = createMintConsumerHandler({ minter: consumerMinter(store, key), queue, logger })
    const again = await deliver(queue, handler)
    assert.equal(again.messages.length, 4)
    assert.deepEqual([...again.failed], [])
    assert.equal(await nonceOf(operator, 'pending'), 4n)
    for (const [index, invoice] of invoices.entries())
      assert.deepEqual(await journalRow(store, invoice.paymentHash), journaled[index], 'row unchanged')

    // After the acknowledgement: a duplicate enqueue (a new dedup id) to a third container.
    for (const invoice of invoices)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
        dedupId: `${invoice.paymentHash}:again`,
        groupId,
      })
    const third = createMintConsumerHandler({ minter: consumerMinter(store, key), queue, logger })
    assert.deepEqual([...(await deliver(queue, third)).failed], [])

    const watcher = watcherOf(store, key)
    await watcher.start()
    const run = watcher.run()
    await pollUntil({
      description: 'four invoices MINTED',
      condition: async () => {
        for (const invoice of invoices) if ((await invoiceState(store, invoice.paymentHash)) !== 'MINTED') return false
        return true
      },
      timeoutMs: 30_000,
    })
    await watcher.stop()
    await run
    await sleep(1500)
    assert.equal(await nonceOf(operator, 'pending'), 4n, 'four transactions for four invoices, delivered three times')
    for (const [index, invoice] of invoices.entries())
      assert.equal((await journalRow(store, invoice.paymentHash)).nonce, journaled[index]?.nonce)
  })

  it('a mint stuck under the base fee is fee-bumped by the watcher at its journaled nonce (the bump journaled first) and MINTED by the bump', async () => {
    const { store, queue, key, operator, groupId } = await fixture()
    const [invoice] = await paidInvoices(store, 1)
    assert.ok(invoice)
    await queue.send({
      body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
      dedupId: invoice.paymentHash,
      groupId,
    })
    const block = await client.getBlock({ blockTag: 'latest' })
    const baseFee = block.baseFeePerGas as bigint
    // The consumer signs a fee cap under the base fee: the node pools it, no block includes it.
    const stuckCap = baseFee / 2n
    const handler = createMintConsumerHandler({
      minter: consumerMinter(store, key, {
        gas: { maxFeePerGas: stuckCap, maxPriorityFeePerGas: stuckCap < 1_000_000n ? stuckCap : 1_000_000n },
      }),
      queue,
      logger,
    })
    assert.deepEqual([...(await deliver(queue, handler)).failed], [])
    const journaled = await journalRow(store, invoice.paymentHash)
    assert.equal(journaled.maxFeePerGas, stuckCap.toString())
    assert.equal(await nonceOf(operator, 'pending'), 1n, 'pooled')
    await sleep(2500)
    assert.equal(await nonceOf(operator), 0n, 'not mined under the base fee')

    const watcher = watcherOf(store, key, { gas: { bumpAfterBlocks: 1 } })
    await watcher.start()
    const run = watcher.run()
    await pollUntil({
      description: 'the stuck mint MINTED',
      condition: async () => (await invoiceState(store, invoice.paymentHash)) === 'MINTED',
      timeoutMs: 30_000,
    })
    await watcher.stop()
    await run
    const row = await journalRow(store, invoice.paymentHash)
    assert.equal(row.nonce, '0', 'the same nonce')
    assert.equal(row.rawTx, journaled.rawTx, 'the first signature kept')
    assert.ok(row.feeBumps.length >= 1, 'the bump journaled')
    const bump = row.feeBumps[row.feeBumps.length - 1]
    assert.ok(bump && BigInt(bump.maxFeePerGas) > stuckCap)
    const record = await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.paymentHash)
    assert.equal(record?.value.mintTxHash, row.outcome?.kind === 'minted' ? row.outcome.txHash : undefined)
    assert.ok(
      row.feeBumps.some((variant) => variant.txHash === record?.value.mintTxHash),
      'mined as a journaled bump',
    )
    assert.equal(watcher.stats().feeBumps, row.feeBumps.length)
    assert.equal(await nonceOf(operator), 1n, 'one transaction')
    assert.equal(await client.getBalance({ address: invoice.address }), (invoice.receivedMsat / 1000n) * 10n ** 10n)
  })

  it('two watchers of one key: only the lease holder drives it; the Lambda handler then answers standby, and runs until just before its deadline once the key is free', async () => {
    const { store, key } = await fixture()
    const holder = watcherOf(store, key, { lease: { ttlMs: 5000, holder: 'first' } })
    await holder.start()
    const rival = watcherOf(store, key)
    await assert.rejects(rival.start(), (error) => {
      assert.ok(isChainopsError(error, 'MINT_WATCHER_LEASE_HELD'))
      assert.match(error.details ?? '', /held by first/)
      return true
    })
    const handler = createMintWatcherHandler({
      watcher: {
        store,
        client,
        signerKey: new Secret(key),
        chainId: net.chainId,
        pollIntervalMs: 100,
        lease: { ttlMs: 5000 },
      },
      deadlineMarginMs: 1000,
      logger,
    })
    const standby = await handler({}, { getRemainingTimeInMillis: () => 10_000 })
    assert.equal(standby.status, 'standby')

    await holder.stop()
    const deadline = Date.now() + 3000
    const ran = await handler({}, { getRemainingTimeInMillis: () => deadline - Date.now() })
    const returnedAt = Date.now()
    assert.equal(ran.status, 'ran')
    assert.ok(ran.status === 'ran' && ran.rounds >= 5, `rounds: ${JSON.stringify(ran)}`)
    assert.ok(returnedAt < deadline, `returned ${returnedAt - deadline} ms after the deadline`)
    // It released the lease: a new watcher takes it at once.
    const next = watcherOf(store, key)
    await next.start()
  })

  it("K = 2 sending keys: each PAID invoice is assigned one (kept in its record, its FIFO group), one consumer routes each group to its minter, one watcher per key; each key's nonces consecutive from 0", async () => {
    const { store, queue, key: keyA } = await fixture()
    const keyB = keys[nextKey++] as Hex
    const senders = [privateKeyToAccount(keyA).address, privateKeyToAccount(keyB).address]
    // Payment hashes for both keys (assigned by the hash's first 64 bits modulo 2).
    const hashes: string[] = []
    while (
      hashes.length < 12 ||
      new Set(hashes.map((hash) => assignSendingKey({ paymentHash: hash, senders }))).size < 2
    )
      hashes.push(randomBytes(32).toString('hex'))
    const now = new Date().toISOString()
    for (const [index, paymentHash] of hashes.entries()) {
      const pending: InvoiceRecord = {
        paymentHash,
        address: getAddress(privateKeyToAccount(generatePrivateKey()).address),
        requestedSats: '1000',
        rate: RATE.toJSON(),
        request: 'lnbcrt1test',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        createdAt: now,
        state: 'PENDING',
      }
      await store.putIfAbsent(INVOICES_TABLE, paymentHash, pending)
      const result = await recordSettlement({
        store,
        queue,
        sender: senders,
        invoice: { paymentHash, settleIndex: BigInt(index + 1), receivedMsat: 1_000_000n, settledAt: now },
      })
      assert.equal(result.outcome, 'paid')
    }
    const handler = createMintConsumerHandler({
      minter: [consumerMinter(store, keyA), consumerMinter(store, keyB)],
      queue,
      logger,
    })
    let handled = 0
    while (handled < hashes.length) {
      const { messages, failed } = await deliver(queue, handler)
      assert.deepEqual([...failed], [])
      handled += messages.length
    }
    const watchers = [watcherOf(store, keyA), watcherOf(store, keyB)]
    const runs = []
    for (const watcher of watchers) {
      await watcher.start()
      runs.push(watcher.run())
    }
    await pollUntil({
      description: `${hashes.length} invoices MINTED`,
      condition: async () => {
        for (const hash of hashes) if ((await invoiceState(store, hash)) !== 'MINTED') return false
        return true
      },
      timeoutMs: 30_000,
    })
    for (const watcher of watchers) await watcher.stop()
    await Promise.all(runs)
    const noncesBySender = new Map<string, string[]>(senders.map((sender) => [sender, []]))
    for (const hash of hashes) {
      const record = await store.get<InvoiceRecord>(INVOICES_TABLE, hash)
      const row = await journalRow(store, hash)
      assert.equal(record?.value.sender, assignSendingKey({ paymentHash: hash, senders }))
      assert.equal(row.from, record?.value.sender, 'minted by the key in its record')
      noncesBySender.get(row.from)?.push(row.nonce)
    }
    for (const sender of senders) {
      const nonces = (noncesBySender.get(sender) ?? []).sort((a, b) => Number(a) - Number(b))
      assert.ok(nonces.length > 0)
      assert.deepEqual(
        nonces,
        nonces.map((_, index) => String(index)),
        `${sender}: nonces consecutive from 0`,
      )
      assert.equal(await nonceOf(sender as Address), BigInt(nonces.length))
    }
  })

  it('a watcher given an ethers v6 JsonRpcProvider and Wallet drives a journaled mint to MINTED as the viem one does', async () => {
    const { store, queue, key, operator, groupId } = await fixture()
    const [invoice] = await paidInvoices(store, 1)
    assert.ok(invoice)
    await queue.send({
      body: JSON.stringify({ v: 1, paymentHash: invoice.paymentHash }),
      dedupId: invoice.paymentHash,
      groupId,
    })
    const handler = createMintConsumerHandler({ minter: consumerMinter(store, key), queue, logger })
    assert.deepEqual([...(await deliver(queue, handler)).failed], [])
    const provider = new JsonRpcProvider(net.rpc?.rpcUrl as string, net.chainId, { staticNetwork: true })
    cleanups.push(async () => provider.destroy())
    const watcher = createMintWatcher({
      store,
      client: provider,
      signerKey: new Wallet(key),
      chainId: net.chainId,
      pollIntervalMs: 100,
      lease: { ttlMs: 5000 },
      logger,
    })
    cleanups.push(() => watcher.stop())
    assert.equal(watcher.address, operator)
    await watcher.start()
    const run = watcher.run()
    await pollUntil({
      description: 'MINTED through the ethers provider',
      condition: async () => (await invoiceState(store, invoice.paymentHash)) === 'MINTED',
      timeoutMs: 30_000,
    })
    await watcher.stop()
    await run
    assert.equal(watcher.stats().minted, 1)
    assert.equal(await client.getBalance({ address: invoice.address }), (invoice.receivedMsat / 1000n) * 10n ** 10n)
  })

  it('refuses bad input with typed errors naming the setting', async () => {
    const { store, key } = await fixture()
    const base = { store, client, signerKey: new Secret(key), chainId: net.chainId }
    const refused = (fn: () => unknown, pattern: RegExp) =>
      assert.throws(fn, (error) => {
        assert.ok(isChainopsError(error, 'MINT_WATCHER_INVALID_PARAMETERS'), String(error))
        assert.match(error.details ?? '', pattern)
        return true
      })
    refused(() => createMintWatcher({ ...base, chainId: 0 }), /chainId/)
    refused(() => createMintWatcher({ ...base, pollIntervalMs: 0 }), /pollIntervalMs/)
    refused(() => createMintWatcher({ ...base, lease: { ttlMs: 10 } }), /lease\.ttlMs/)
    refused(() => createMintWatcher({ ...base, lease: { holder: '' } }), /lease\.holder/)
    refused(() => createMintWatcher({ ...base, confirmations: -1 }), /confirmations/)
    refused(() => createMintWatcherHandler({ watcher: base, deadlineMarginMs: -1 }), /deadlineMarginMs/)
    refused(() => createMintWatcherHandler({ watcher: { ...base, chainId: 1.5 } }), /chainId/)
    for (const [minter, pattern] of [
      [[], /K = 0/],
      [[consumerMinter(store, key), consumerMinter(store, key)], /listed twice/],
    ] as const)
      assert.throws(
        () => createMintConsumerHandler({ minter, queue: undefined as never }),
        (error) => isChainopsError(error, 'MINT_INVALID_PARAMETERS') && pattern.test(error.details ?? ''),
      )
    const handler = createMintWatcherHandler({ watcher: base })
    await assert.rejects(
      handler({}, {} as never),
      (error) =>
        isChainopsError(error, 'MINT_WATCHER_INVALID_PARAMETERS') &&
        /getRemainingTimeInMillis/.test(error.details ?? ''),
    )
    const watcher = watcherOf(store, key)
    await assert.rejects(watcher.round(), (error) => isChainopsError(error, 'MINT_NOT_STARTED'))
    await assert.rejects(watcher.run(), (error) => isChainopsError(error, 'MINT_WATCHER_INVALID_PARAMETERS'))
    await watcher.start()
    await assert.rejects(watcher.start(), (error) => isChainopsError(error, 'MINT_WATCHER_INVALID_PARAMETERS'))
  })
})
