// The minter stage of the issuance service in its two modes, on one real geth Clique devnet
// (1 sealer + RPC node, period 1 s, gasLimit 10,500,000 = 500 plain transfers a block, the tx-pool
// flags of `minterTxPoolArgs()` and --txpool.nolocals) and one moto server (`startMoto`), in one run:
//   - chain capacity: plain transfers pre-signed from CAPACITY_KEYS funded keys, sent raw to the RPC
//     node in JSON-RPC batches; mined transfers per chain second over the inner blocks (the first
//     and the last block holding them catch the ramp-up and the tail);
//   - moto alone, the emulator's own ceiling, through our adapters: the SQS FIFO cycle (a feeder
//     sending one message at a time while a consumer receives batches of 10 and deletes each, as the
//     AWS pipeline uses the queue) and DynamoDB transactions (`DynamoDbStore.transaction`, 3 conditional
//     puts each, one at a time and 4 at a time);
//   - embedded mode: `createMinter` + `runMintPipeline` on SqliteStore + SqliteQueue (one file, as
//     `chainops serve` runs them);
//   - AWS mode with 1 and with AWS_KEYS (4) sending keys: DynamoDbStore + SqsQueue on moto, the SQS
//     consumer Lambda handler (`createMintConsumerHandler`, one minter per key created
//     `lease: false, watch: false`: it acknowledges once the journal row is committed and the
//     broadcast attempted) driven by one `runSqsEventSource` (1 s long polls) per message group `mint:<sender>` (the
//     K groups run in parallel, as K concurrent Lambda invocations would), and one receipt watcher
//     per key (`createMintWatcher`: it writes PAID -> MINTED).
// PAID records come from @chainops/lightning/testing's putPaidInvoices (no lnd). In both modes a
// feeder in this process sends the mint messages (FEED_SENDERS, 4, at a time), keeping at most a bounded backlog ahead of the
// consumer (as the settle subscriber would, and a queue pre-filled with every job would measure the
// queue's backlog cost). A mode's rate is its sustained rate, between 10% and 90% of its mints
// MINTED (ramp-up and tail left out), and its whole-run rate beside it. CPU seconds of each process
// (this one from process.cpuUsage, geth and moto from /proc/<pid>/stat) are given per phase beside
// the phase's wall seconds: a process near 1 CPU second per wall second is saturated (moto's Python
// server runs on one core, so near 1.0 it is the limit).
// Run: node bench/issuanceModes.bench.ts   (env: AWS_MINTS, AWS4_MINTS, EMBEDDED_MINTS, CAPACITY_TRANSFERS,
//   CAPACITY_KEYS, MOTO_MESSAGES, MOTO_TRANSACTIONS, AWS_KEYS, GAS_LIMIT, SIGNER_THREADS, FEED_SENDERS)
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { SQSClient } from '@aws-sdk/client-sqs'
import { createLogger, type Queue, Rational, Secret, SqliteQueue, SqliteStore, type Store } from '@chainops/core'
import { DynamoDbStore, SqsQueue } from '@chainops/core/aws'
import { startGethClique, startMoto } from '@chainops/devnet'
import { createMinter, createMintWatcher, minterTxPoolArgs, runMintPipeline } from '@chainops/lightning'
import { createMintConsumerHandler, runSqsEventSource } from '@chainops/lightning/lambda'
import { putPaidInvoices } from '@chainops/lightning/testing'
import { createPublicClient, defineChain, getAddress, type Hex, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const AWS_MINTS = num('AWS_MINTS', 400)
const AWS_KEYS = num('AWS_KEYS', 4)
const AWS4_MINTS = num('AWS4_MINTS', 800)
const EMBEDDED_MINTS = num('EMBEDDED_MINTS', 4000)
const CAPACITY_TRANSFERS = num('CAPACITY_TRANSFERS', 5000)
const CAPACITY_KEYS = num('CAPACITY_KEYS', 4)
const MOTO_MESSAGES = num('MOTO_MESSAGES', 500)
const MOTO_TRANSACTIONS = num('MOTO_TRANSACTIONS', 500)
const FEED_SENDERS = num('FEED_SENDERS', 4)
/** Signing threads: none on a 2-CPU machine, where geth and moto need the second CPU. */
const SIGNER_THREADS = num('SIGNER_THREADS', availableParallelism() > 2 ? 2 : 0)
const GAS_LIMIT = BigInt(process.env.GAS_LIMIT ?? 10_500_000)
const PERIOD = 1
const CAPACITY_PER_BLOCK = Number(GAS_LIMIT / 21_000n)
const RATE = Rational.fromString('10000000000/1')
const PHASE_TIMEOUT_MS = 10 * 60_000

const log = (line: string) => process.stderr.write(`${line}\n`)
const quiet = createLogger({ level: 'error' })

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // clock ticks; 100 per second on Linux
  } catch {
    return 0
  }
}

const awsKeys = Array.from({ length: AWS_KEYS + 1 }, () => generatePrivateKey())
const embeddedKey = generatePrivateKey()
const capacityKeys = Array.from({ length: CAPACITY_KEYS }, () => generatePrivateKey())
const funded = [...awsKeys, embeddedKey, ...capacityKeys]

const dir = await mkdtemp(join(tmpdir(), 'chainops-modes-bench-'))
log(`starting geth (period ${PERIOD} s, gasLimit ${GAS_LIMIT}) and moto ...`)
const [net, moto] = await Promise.all([
  startGethClique({
    sealers: 1,
    period: PERIOD,
    gasLimit: GAS_LIMIT,
    label: 'modes-bench',
    prefund: funded.map((key) => ({ address: privateKeyToAccount(key).address, balanceWei: 10n ** 24n })),
    extraArgs: [...minterTxPoolArgs(), '--txpool.nolocals'],
  }),
  startMoto(),
])

/** AWS requests of a phase: count and summed latency per command (DynamoDB and SQS on moto). */
type Calls = Map<string, { count: number; ms: number }>
function instrument<T extends DynamoDBClient | SQSClient>(client: T, calls: Calls): T {
  ;(client as DynamoDBClient).middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now()
      try {
        return await next(args)
      } finally {
        const name = context.commandName ?? 'unknown'
        const entry = calls.get(name) ?? { count: 0, ms: 0 }
        entry.count++
        entry.ms += performance.now() - started
        calls.set(name, entry)
      }
    },
    { step: 'initialize', name: 'benchCallCounter' },
  )
  return client
}
/** Requests per mint and mean ms per command, most frequent first. */
function perMint(calls: Calls, mints: number) {
  return Object.fromEntries(
    [...calls]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([name, { count, ms }]) => [name, { perMint: round(count / mints, 2), meanMs: round(ms / count, 1) }]),
  )
}

const total = (calls: Calls) => [...calls.values()].reduce((sum, entry) => sum + entry.count, 0)

type Cpu = { wall: number; node: number; gethSealer: number; gethRpc: number; moto: number }
/** CPU seconds of each process over a phase, and the phase's wall seconds. */
async function measureCpu<T>(work: () => Promise<T>): Promise<{ value: T; cpu: Cpu }> {
  const pids = { gethSealer: net.nodes[0]?.pid ?? 0, gethRpc: net.nodes[1]?.pid ?? 0, moto: moto.pid }
  const before = Object.fromEntries(
    await Promise.all(Object.entries(pids).map(async ([name, pid]) => [name, await cpuSeconds(pid)] as const)),
  )
  const node = process.cpuUsage()
  const started = performance.now()
  const value = await work()
  const wall = (performance.now() - started) / 1000
  const nodeCpu = process.cpuUsage(node)
  const spent = async (name: keyof typeof pids) => round((await cpuSeconds(pids[name])) - (before[name] ?? 0), 1)
  const cpu: Cpu = {
    wall: round(wall, 1),
    node: round((nodeCpu.user + nodeCpu.system) / 1e6, 1),
    gethSealer: await spent('gethSealer'),
    gethRpc: await spent('gethRpc'),
    moto: await spent('moto'),
  }
  return { value, cpu }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}

const rpcUrl = net.rpc?.rpcUrl as string
const chain = defineChain({
  id: net.chainId,
  name: 'devnet',
  nativeCurrency: { name: 'coin', symbol: 'COIN', decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
})
const client = createPublicClient({
  chain,
  transport: http(rpcUrl, { batch: { batchSize: 500, wait: 0 } }),
  pollingInterval: 100,
})

/** Mints (21,000-gas transfers) per block from `from` to the head, and the rate over the inner blocks. */
async function blockFill(from: bigint) {
  const head = await client.getBlockNumber()
  const fills: Array<{ transfers: number; timestamp: bigint }> = []
  for (let number = from + 1n; number <= head; number++) {
    const block = await client.getBlock({ blockNumber: number })
    const transfers = Number(block.gasUsed / 21_000n)
    if (transfers > 0 || fills.length > 0) fills.push({ transfers, timestamp: block.timestamp })
  }
  while (fills.length > 0 && (fills[fills.length - 1] as { transfers: number }).transfers === 0) fills.pop()
  const inner = fills.slice(1, -1)
  const innerTransfers = inner.reduce((sum, block) => sum + block.transfers, 0)
  const first = inner[0]
  const last = inner[inner.length - 1]
  const innerSeconds = first && last ? Number(last.timestamp - first.timestamp) + PERIOD : Number.NaN
  return {
    perBlock: fills.map((block) => block.transfers),
    innerPerSecond: round(innerTransfers / innerSeconds, 1),
    innerFill: round(innerTransfers / (inner.length * CAPACITY_PER_BLOCK), 3),
  }
}

/** PAID records for `count` fresh recipients; their payment hashes. */
async function putPaid(store: Store, count: number): Promise<string[]> {
  const invoices = Array.from({ length: count }, (_, index) => ({
    paymentHash: randomBytes(32).toString('hex'),
    address: getAddress(`0x${randomBytes(20).toString('hex')}`),
    receivedMsat: BigInt(1_000_000 + index),
  }))
  await putPaidInvoices({ store, invoices, rate: RATE, chunkSize: 100 })
  return invoices.map((invoice) => invoice.paymentHash)
}

/**
 * Sends one message per hash (round robin over `groups`), one at a time, never more than `lead`
 * ahead of `handled()`; resolves when all are sent.
 */
async function feed(
  queue: Queue,
  hashes: readonly string[],
  groups: readonly string[],
  lead: number,
  handled: () => number,
) {
  // FEED_SENDERS sends in flight: one sender at a time would measure its own SendMessage latency
  // (about 30 ms on moto on a loaded machine, so ~33 mints/s), not the minter stage.
  let next = 0
  const sender = async () => {
    for (let index = next++; index < hashes.length; index = next++) {
      while (index - handled() >= lead) await sleep(20)
      await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: hashes[index] }),
        dedupId: hashes[index] as string,
        groupId: groups[index % groups.length] as string,
      })
    }
  }
  await Promise.all(Array.from({ length: FEED_SENDERS }, sender))
}

/** Samples `minted()` every 100 ms until it reaches `total`; the sustained (10% to 90%) and whole-run rates. */
async function sampleUntil(total: number, minted: () => number, label: string) {
  const samples: Array<{ t: number; minted: number }> = []
  const started = performance.now()
  for (;;) {
    const count = minted()
    samples.push({ t: performance.now() - started, minted: count })
    if (count >= total) break
    if (performance.now() - started > PHASE_TIMEOUT_MS) throw new Error(`${label}: ${count} of ${total} minted in time`)
    await sleep(100)
  }
  const seconds = (performance.now() - started) / 1000
  const at = (fraction: number) =>
    samples.find((sample) => sample.minted >= total * fraction) as { t: number; minted: number }
  const from = at(0.1)
  const to = at(0.9)
  return {
    mints: total,
    seconds: round(seconds, 1),
    sustainedPerSecond: round((to.minted - from.minted) / ((to.t - from.t) / 1000), 1),
    wholeRunPerSecond: round(total / seconds, 1),
  }
}

async function expectNonces(keys: readonly Hex[], expected: readonly number[], label: string) {
  for (const [index, key] of keys.entries()) {
    const nonce = await client.getTransactionCount({ address: privateKeyToAccount(key).address })
    if (nonce !== expected[index])
      throw new Error(`${label}: key ${index} sent ${nonce} transactions, expected ${expected[index]}`)
  }
}

// ---- chain capacity: raw signed transfers from several keys ----
async function chainCapacity() {
  const perKey = Math.ceil(CAPACITY_TRANSFERS / CAPACITY_KEYS)
  log(`chain capacity: signing ${perKey * CAPACITY_KEYS} transfers from ${CAPACITY_KEYS} keys ...`)
  const raws: Hex[][] = []
  for (const key of capacityKeys) {
    const account = privateKeyToAccount(key)
    const list: Hex[] = []
    for (let nonce = 0; nonce < perKey; nonce++)
      list.push(
        await account.signTransaction({
          chainId: net.chainId,
          type: 'eip1559',
          to: getAddress(`0x${randomBytes(20).toString('hex')}`),
          value: 1n,
          gas: 21_000n,
          nonce,
          maxFeePerGas: 1_000_000_000_000n,
          maxPriorityFeePerGas: 1_000_000_000n,
        }),
      )
    raws.push(list)
  }
  const startBlock = await client.getBlockNumber()
  log('chain capacity: sending ...')
  const measured = await measureCpu(async () => {
    // Interleaved by nonce, in batches of 500 requests.
    const order: Hex[] = []
    for (let nonce = 0; nonce < perKey; nonce++) for (const list of raws) order.push(list[nonce] as Hex)
    for (let start = 0; start < order.length; start += 500) {
      const batch = order.slice(start, start + 500).map((raw, index) => ({
        jsonrpc: '2.0',
        id: start + index,
        method: 'eth_sendRawTransaction',
        params: [raw],
      }))
      const response = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      })
      const answers = (await response.json()) as Array<{ error?: { message: string } }>
      const failed = answers.find((answer) => answer.error)
      if (failed) throw new Error(`chain capacity: a transfer was refused: ${failed.error?.message}`)
    }
    const deadline = Date.now() + PHASE_TIMEOUT_MS
    for (const key of capacityKeys)
      while ((await client.getTransactionCount({ address: privateKeyToAccount(key).address })) < perKey) {
        if (Date.now() > deadline) throw new Error('chain capacity: transfers not mined in time')
        await sleep(200)
      }
  })
  return { transfers: perKey * CAPACITY_KEYS, ...(await blockFill(startBlock)), cpu: measured.cpu }
}

// ---- moto alone: the SQS FIFO cycle and DynamoDB transactions through our adapters ----
async function motoSqs() {
  const queue = new SqsQueue({ name: `bench-sqs-${randomBytes(4).toString('hex')}`, clientConfig: moto.clientConfig })
  await queue.ensureQueues()
  log(`moto SQS: ${MOTO_MESSAGES} messages sent, received and deleted ...`)
  let deleted = 0
  const measured = await measureCpu(async () => {
    const hashes = Array.from({ length: MOTO_MESSAGES }, () => randomBytes(32).toString('hex'))
    const feeding = feed(queue, hashes, ['mint:bench'], 100, () => deleted)
    while (deleted < MOTO_MESSAGES) {
      const messages = await queue.receive({ max: 10, visibilityTimeoutMs: 60_000 })
      if (messages.length === 0) await sleep(5)
      for (const message of messages) await queue.delete(message.receiptHandle)
      deleted += messages.length
    }
    await feeding
  })
  await queue.close()
  return { messages: MOTO_MESSAGES, perSecond: round(MOTO_MESSAGES / measured.cpu.wall, 1), cpu: measured.cpu }
}

async function motoDynamoDb(concurrency: number) {
  const store = new DynamoDbStore({
    tableName: `bench-ddb-${randomBytes(4).toString('hex')}`,
    clientConfig: moto.clientConfig,
  })
  await store.ensureTable()
  log(`moto DynamoDB: ${MOTO_TRANSACTIONS} transactions of 3 puts, ${concurrency} at a time ...`)
  let next = 0
  const measured = await measureCpu(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < MOTO_TRANSACTIONS) {
          const id = String(next++)
          await store.transaction(async (tx) => {
            await tx.putIfAbsent('bench_a', id, { id, at: new Date().toISOString() })
            await tx.putIfAbsent('bench_b', id, { id, state: 'MINTED' })
            await tx.putIfAbsent('bench_c', id, { id })
          })
        }
      }),
    ),
  )
  // The same rows read back one GetItem each (the most frequent request of the AWS mode).
  let read = 0
  const gets = await measureCpu(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (read < MOTO_TRANSACTIONS) {
          const id = String(read++)
          if (!(await store.get('bench_a', id))) throw new Error(`moto DynamoDB: row ${id} missing`)
        }
      }),
    ),
  )
  await store.close()
  return {
    transactions: MOTO_TRANSACTIONS,
    concurrency,
    perSecond: round(MOTO_TRANSACTIONS / measured.cpu.wall, 1),
    cpu: measured.cpu,
    getItemsPerSecond: round(MOTO_TRANSACTIONS / gets.cpu.wall, 1),
    getItemCpu: gets.cpu,
  }
}

// ---- embedded mode ----
async function embedded() {
  const db = join(dir, 'embedded.db')
  const store = new SqliteStore({ path: db })
  const queue = new SqliteQueue({ path: db, name: 'mint' })
  log(`embedded: writing ${EMBEDDED_MINTS} PAID records ...`)
  const hashes = await putPaid(store, EMBEDDED_MINTS)
  const minter = createMinter({
    store,
    client,
    signerKey: new Secret(embeddedKey),
    chainId: net.chainId,
    pollIntervalMs: 100,
    signerThreads: SIGNER_THREADS,
    logger: quiet,
  })
  await minter.start()
  const startBlock = await client.getBlockNumber()
  log('embedded: minting ...')
  const measured = await measureCpu(async () => {
    const pipeline = runMintPipeline({ queue, minter, logger: quiet, idleMs: 5 })
    const feeding = feed(queue, hashes, [`mint:${minter.address}`], 2000, () => minter.stats().journaled)
    const rates = await sampleUntil(EMBEDDED_MINTS, () => minter.stats().minted, 'embedded')
    await feeding
    await pipeline.stop()
    return rates
  })
  await minter.stop()
  await queue.close()
  await store.close()
  await expectNonces([embeddedKey], [EMBEDDED_MINTS], 'embedded')
  return { ...measured.value, chain: await blockFill(startBlock), cpu: measured.cpu }
}

// ---- AWS mode: DynamoDB + SQS FIFO on moto, the consumer handler, a receipt watcher per key ----
async function aws(keys: readonly Hex[], mints: number) {
  const id = randomBytes(4).toString('hex')
  const dynamoDbCalls: Calls = new Map()
  const sqsCalls: Calls = new Map()
  const dynamoDb = instrument(new DynamoDBClient(moto.clientConfig), dynamoDbCalls)
  const sqsClient = instrument(new SQSClient(moto.clientConfig), sqsCalls)
  const store = new DynamoDbStore({ tableName: `bench-aws-${id}`, client: dynamoDb })
  await store.ensureTable()
  // Long polling (1 s), as Lambda's SQS event source polls: K sources of one FIFO queue whose groups
  // are all in flight then wait for a message instead of asking again every idleMs (moto scans the
  // whole backlog at each receive).
  const queue = new SqsQueue({ name: `bench-aws-${id}`, client: sqsClient, waitTimeSeconds: 1 })
  await queue.ensureQueues()
  log(`AWS mode, ${keys.length} key(s): writing ${mints} PAID records ...`)
  const hashes = await putPaid(store, mints)
  const minters = keys.map((key) =>
    createMinter({
      store,
      client,
      signerKey: new Secret(key),
      chainId: net.chainId,
      lease: false,
      watch: false,
      signerThreads: SIGNER_THREADS,
      logger: quiet,
    }),
  )
  const consumer = createMintConsumerHandler({ minter: minters, queue, logger: quiet })
  // Time spent inside the function (journal + broadcast), beside the event source's receive and deletes.
  let handlerMs = 0
  const handler: typeof consumer = async (event, context) => {
    const started = performance.now()
    try {
      return await consumer(event, context)
    } finally {
      handlerMs += performance.now() - started
    }
  }
  const watchers = keys.map((key) =>
    createMintWatcher({ store, client, signerKey: new Secret(key), chainId: net.chainId, logger: quiet }),
  )
  for (const watcher of watchers) await watcher.start()
  const groups = minters.map((minter) => `mint:${minter.address}`)
  const startBlock = await client.getBlockNumber()
  log(`AWS mode, ${keys.length} key(s): minting ...`)
  dynamoDbCalls.clear()
  sqsCalls.clear()
  const measured = await measureCpu(async () => {
    const runs = watchers.map((watcher) => watcher.run())
    const sources = keys.map(() => runSqsEventSource({ queue, handler, idleMs: 20, logger: quiet }))
    const acked = () => sources.reduce((sum, source) => sum + source.stats().records - source.stats().failures, 0)
    const feeding = feed(queue, hashes, groups, 100 * keys.length, acked)
    const rates = await sampleUntil(
      mints,
      () => watchers.reduce((sum, watcher) => sum + watcher.stats().minted, 0),
      `AWS mode, ${keys.length} key(s)`,
    )
    await feeding
    for (const source of sources) await source.stop()
    for (const watcher of watchers) await watcher.stop()
    await Promise.all(runs)
    const stats = sources.map((source) => source.stats())
    return {
      ...rates,
      invocations: stats.reduce((sum, s) => sum + s.invocations, 0),
      redeliveredRecords: stats.reduce((sum, s) => sum + s.failures, 0),
      handlerSeconds: round(handlerMs / 1000, 1),
      dynamoDbRequestsPerSecond: round(total(dynamoDbCalls) / rates.seconds, 1),
      sqsRequestsPerSecond: round(total(sqsCalls) / rates.seconds, 1),
      requests: perMint(new Map([...dynamoDbCalls, ...sqsCalls]), mints),
      dynamoDbRequests: perMint(dynamoDbCalls, mints),
    }
  })
  dynamoDb.destroy()
  sqsClient.destroy()
  for (const minter of minters) await minter.stop()
  await queue.close()
  await store.close()
  const perKey = keys.map((_, index) => hashes.filter((__, i) => i % keys.length === index).length)
  await expectNonces(keys, perKey, `AWS mode, ${keys.length} key(s)`)
  return { keys: keys.length, ...measured.value, chain: await blockFill(startBlock), cpu: measured.cpu }
}

try {
  const sqs = await motoSqs()
  const dynamoDb1 = await motoDynamoDb(1)
  const dynamoDb4 = await motoDynamoDb(4)
  const capacity = await chainCapacity()
  const embeddedMode = await embedded()
  const aws1 = await aws(awsKeys.slice(0, 1), AWS_MINTS)
  const awsK = await aws(awsKeys.slice(1), AWS4_MINTS)

  const result = {
    machine: {
      cpus: availableParallelism(),
      period: PERIOD,
      gasLimit: GAS_LIMIT.toString(),
      capacityPerBlock: CAPACITY_PER_BLOCK,
    },
    chainCapacity: capacity,
    moto: { sqsFifoCycle: sqs, dynamoDbTransactions: [dynamoDb1, dynamoDb4] },
    embedded: embeddedMode,
    aws: [aws1, awsK],
  }

  const motoCeiling = Math.min(sqs.perSecond, dynamoDb1.perSecond, dynamoDb4.perSecond)
  const bound = Math.min(capacity.innerPerSecond, motoCeiling)
  // What moto's DynamoDB alone allows at the AWS mode's request mix: the launcher serves DynamoDB
  // requests one at a time, so a mint costs the sum of its requests' one-at-a-time service times
  // (a transaction at the 3-put rate, any other request at the GetItem rate).
  const motoBoundMints = (requests: Record<string, { perMint: number }>) =>
    round(
      1 /
        Object.entries(requests).reduce(
          (seconds, [name, { perMint }]) =>
            seconds +
            perMint / (name === 'TransactWriteItemsCommand' ? dynamoDb1.perSecond : dynamoDb1.getItemsPerSecond),
          0,
        ),
      1,
    )
  const aws1MotoBound = motoBoundMints(aws1.dynamoDbRequests)
  const awsKMotoBound = motoBoundMints(awsK.dynamoDbRequests)
  console.log(
    JSON.stringify({ ...result, motoBoundMintsPerSecond: { oneKey: aws1MotoBound, keys: awsKMotoBound } }, null, 2),
  )
  const cpuCell = (cpu: Cpu) =>
    `${cpu.wall} s wall; CPU s: node ${cpu.node}, geth sealer ${cpu.gethSealer}, geth RPC ${cpu.gethRpc}, moto ${cpu.moto}`
  const rows: Array<[string, string, string]> = [
    [
      'chain capacity (raw transfers)',
      `${capacity.innerPerSecond}/s (${capacity.innerFill * 100}% fill)`,
      cpuCell(capacity.cpu),
    ],
    ['moto SQS FIFO send+receive+delete', `${sqs.perSecond} msg/s`, cpuCell(sqs.cpu)],
    ['moto DynamoDB tx (3 puts), 1 at a time', `${dynamoDb1.perSecond} tx/s`, cpuCell(dynamoDb1.cpu)],
    ['moto DynamoDB tx (3 puts), 4 at a time', `${dynamoDb4.perSecond} tx/s`, cpuCell(dynamoDb4.cpu)],
    ['moto DynamoDB GetItem, 1 at a time', `${dynamoDb1.getItemsPerSecond}/s`, cpuCell(dynamoDb1.getItemCpu)],
    ['moto DynamoDB GetItem, 4 at a time', `${dynamoDb4.getItemsPerSecond}/s`, cpuCell(dynamoDb4.getItemCpu)],
    [
      'embedded mode',
      `${embeddedMode.sustainedPerSecond}/s (whole run ${embeddedMode.wholeRunPerSecond}/s)`,
      cpuCell(embeddedMode.cpu),
    ],
    ['AWS mode, 1 key', `${aws1.sustainedPerSecond}/s (whole run ${aws1.wholeRunPerSecond}/s)`, cpuCell(aws1.cpu)],
    [
      `AWS mode, ${awsK.keys} keys`,
      `${awsK.sustainedPerSecond}/s (whole run ${awsK.wholeRunPerSecond}/s)`,
      cpuCell(awsK.cpu),
    ],
  ]
  const width = Math.max(...rows.map((row) => row[0].length))
  const rateWidth = Math.max(...rows.map((row) => row[1].length))
  log('')
  for (const [name, rate, cpu] of rows) log(`${name.padEnd(width)}  ${rate.padEnd(rateWidth)}  ${cpu}`)
  log('')
  log(
    `AWS 1 key: ${aws1.sustainedPerSecond}/s = ${round((100 * aws1.sustainedPerSecond) / bound, 1)}% of min(chain ${capacity.innerPerSecond}, ` +
      `moto's lowest single rate ${motoCeiling}) (target >= 80%); ${awsK.keys} keys: ${round(awsK.sustainedPerSecond / aws1.sustainedPerSecond, 2)}x one key (target >= 3x where neither chain nor moto limits)`,
  )
  log(
    `moto CPU per wall second: AWS 1 key ${round(aws1.cpu.moto / aws1.cpu.wall, 2)}, ${awsK.keys} keys ${round(awsK.cpu.moto / awsK.cpu.wall, 2)}; ` +
      `node ${round(aws1.cpu.node / aws1.cpu.wall, 2)} / ${round(awsK.cpu.node / awsK.cpu.wall, 2)}`,
  )
  log(
    `moto's DynamoDB alone at the AWS request mix allows ${aws1MotoBound} mints/s (1 key) and ${awsKMotoBound} mints/s (${awsK.keys} keys): ` +
      `AWS 1 key reached ${round((100 * aws1.sustainedPerSecond) / aws1MotoBound, 1)}% of it, ${awsK.keys} keys ${round((100 * awsK.sustainedPerSecond) / awsKMotoBound, 1)}%`,
  )
  for (const run of [aws1, awsK])
    log(
      `AWS ${run.keys} key(s): ${run.invocations} invocations, ${run.handlerSeconds} s inside the handler of ${run.seconds} s; ` +
        `DynamoDB ${run.dynamoDbRequestsPerSecond} requests/s, SQS ${run.sqsRequestsPerSecond}/s; requests per mint (mean ms): ` +
        Object.entries(run.requests)
          .map(([name, { perMint, meanMs }]) => `${name} ${perMint} (${meanMs})`)
          .join(', '),
    )
} finally {
  await Promise.allSettled([net.stop(), moto.stop()])
  await rm(dir, { recursive: true, force: true })
}
