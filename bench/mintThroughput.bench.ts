// The minter stage alone on a real geth Clique devnet (1 sealer + RPC node, period 1 s, gasLimit
// 10,500,000 = 500 plain transfers a block), one operator key per contender, PAID jobs fed straight
// into the embedded queue (SqliteStore + SqliteQueue in one file, as `chainops serve` runs them;
// the PAID records come from @chainops/lightning/testing's putPaidInvoices):
//   - naive: receive one job, send its transaction (viem wallet client: nonce, gas and fees looked
//     up per send), wait for the receipt, record the mint, delete the message, next;
//   - pipelined: @chainops/lightning's createMinter + runMintPipeline (journal before broadcast,
//     consecutive nonces in flight, receipts confirmed per block).
// Both in the same run, on the same chain. The nodes get `minterTxPoolArgs()` (see
// packages/lightning/src/pipeline/minterTxPoolLimits.ts for why geth's defaults would drop mints).
// The jobs are enqueued by a second process (this file again, MINT_BENCH_FEEDER set) at FEED_RATE a
// second, a little above the chain's capacity, as the settle subscriber would: the embedded queue's
// receive cost grows with its backlog, so a queue pre-filled with every job would measure the queue.
// Capacity share is measured on the chain: mints in the blocks between the first and the last one
// holding mints (those two catch the ramp-up and the tail) over what those blocks could hold.
// Run: node bench/mintThroughput.bench.ts   (JOBS, FEED_RATE, NAIVE_SECONDS, SIGNER_THREADS to change)
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { createLogger, Rational, Secret, SqliteQueue, SqliteStore, type Store } from '@chainops/core'
import { startGethClique } from '@chainops/devnet'
import { createMinter, getInvoiceStatus, minterTxPoolArgs, runMintPipeline } from '@chainops/lightning'
import { putPaidInvoices } from '@chainops/lightning/testing'
import { createPublicClient, createWalletClient, defineChain, getAddress, type Hex, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

// The feeder role: this same file in a second process, sending the mint messages at a steady
// rate, as the settle subscriber would (a separate writer of the same queue file).
if (process.env.MINT_BENCH_FEEDER) {
  const { dbPath, hashesPath, groupId, perSecond } = JSON.parse(process.env.MINT_BENCH_FEEDER) as {
    dbPath: string
    hashesPath: string
    groupId: string
    perSecond: number
  }
  const hashes = JSON.parse(await readFile(hashesPath, 'utf8')) as string[]
  const queue = new SqliteQueue({ path: dbPath, name: 'mint' })
  const start = performance.now()
  for (const [index, hash] of hashes.entries()) {
    const due = (index / perSecond) * 1000 - (performance.now() - start)
    if (due > 0) await sleep(due)
    await queue.send({ body: JSON.stringify({ v: 1, paymentHash: hash }), dedupId: hash, groupId })
  }
  await queue.close()
  process.exit(0)
}

const JOBS = Number(process.env.JOBS ?? 10_000)
/** Jobs per second the feeder enqueues: a little above the chain's capacity, so the minter is never idle. */
const FEED_RATE = Number(process.env.FEED_RATE ?? 525)
/** Mints in flight before the pipeline stops receiving (the pipeline's default). */
const MAX_IN_FLIGHT = Number(process.env.MAX_IN_FLIGHT ?? 3000)
/** Signing threads: none on a 2-CPU machine, where the two geth nodes need the second CPU. */
const SIGNER_THREADS = Number(process.env.SIGNER_THREADS ?? (availableParallelism() > 2 ? 2 : 0))
const NAIVE_SECONDS = Number(process.env.NAIVE_SECONDS ?? 20)
const GAS_LIMIT = 10_500_000n
const PERIOD = 1
const CAPACITY_PER_BLOCK = Number(GAS_LIMIT / 21_000n)
const CAPACITY_PER_SECOND = CAPACITY_PER_BLOCK / PERIOD
const RATE = Rational.fromString('10000000000/1')

const naiveKey = generatePrivateKey()
const pipelinedKey = generatePrivateKey()
const naiveOperator = privateKeyToAccount(naiveKey).address
const pipelinedOperator = privateKeyToAccount(pipelinedKey).address

const log = (line: string) => process.stderr.write(`${line}\n`)

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

async function putPaid(store: Store, count: number): Promise<string[]> {
  const invoices = Array.from({ length: count }, (_, index) => ({
    paymentHash: randomBytes(32).toString('hex'),
    // A fresh recipient per job, as real mints go to many addresses.
    address: getAddress(`0x${randomBytes(20).toString('hex')}`),
    receivedMsat: BigInt(1_000_000 + index),
  }))
  await putPaidInvoices({ store, invoices, rate: RATE, chunkSize: 500 })
  return invoices.map((invoice) => invoice.paymentHash)
}

const dir = await mkdtemp(join(tmpdir(), 'chainops-mint-bench-'))
const net = await startGethClique({
  sealers: 1,
  period: PERIOD,
  gasLimit: GAS_LIMIT,
  label: 'mint-bench',
  prefund: [
    { address: naiveOperator, balanceWei: 10n ** 24n },
    { address: pipelinedOperator, balanceWei: 10n ** 24n },
  ],
  // NoLocals as in @chainops/clique's production configs: the RPC node neither journals the mints to
  // disk nor exempts them from the limits; the minter rebroadcasts what a node loses.
  extraArgs: [
    ...minterTxPoolArgs(),
    '--txpool.nolocals',
    ...(process.env.GETH_EXTRA_ARGS?.split(' ').filter(Boolean) ?? []),
  ],
})
try {
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
  const quiet = createLogger({ level: 'error' })

  // ---- naive: send, wait for the receipt, next ----
  const naiveDb = join(dir, 'naive.db')
  const naiveStore = new SqliteStore({ path: naiveDb })
  const naiveQueue = new SqliteQueue({ path: naiveDb, name: 'mint' })
  const naiveJobs = await putPaid(naiveStore, NAIVE_SECONDS * 5)
  for (const hash of naiveJobs)
    await naiveQueue.send({
      body: JSON.stringify({ v: 1, paymentHash: hash }),
      dedupId: hash,
      groupId: `mint:${naiveOperator}`,
    })
  const wallet = createWalletClient({
    account: privateKeyToAccount(naiveKey),
    chain,
    transport: http(rpcUrl),
    pollingInterval: 100,
  })
  log(`naive minter for ${NAIVE_SECONDS} s ...`)
  let naiveMinted = 0
  const naiveStart = performance.now()
  while (performance.now() - naiveStart < NAIVE_SECONDS * 1000) {
    const [message] = await naiveQueue.receive({ max: 1 })
    if (!message) break
    const { paymentHash } = JSON.parse(message.body) as { paymentHash: string }
    const invoice = await getInvoiceStatus({ store: naiveStore, paymentHash })
    if (!invoice) throw new Error('missing record')
    const hash = await wallet.sendTransaction({
      to: getAddress(invoice.address),
      value: BigInt(invoice.mintWei as string),
    })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    // One conditional write per mint, as the pipelined minter's PAID -> MINTED.
    await naiveStore.putIfAbsent('naive_mints', paymentHash, {
      txHash: hash,
      block: receipt.blockNumber.toString(),
      mintedAt: new Date().toISOString(),
    })
    await naiveQueue.delete(message.receiptHandle)
    naiveMinted++
  }
  const naiveSeconds = (performance.now() - naiveStart) / 1000
  const naiveRate = naiveMinted / naiveSeconds
  await naiveQueue.close()
  await naiveStore.close()

  // ---- pipelined: the minter stage of @chainops/lightning ----
  const db = join(dir, 'pipelined.db')
  const store = new SqliteStore({ path: db })
  const queue = new SqliteQueue({ path: db, name: 'mint' })
  log(`writing ${JOBS} PAID jobs ...`)
  const jobs = await putPaid(store, JOBS)
  const hashesPath = join(dir, 'hashes.json')
  await writeFile(hashesPath, JSON.stringify(jobs))

  const minter = createMinter({
    store,
    client,
    signerKey: new Secret(pipelinedKey as Hex),
    chainId: net.chainId,
    pollIntervalMs: 100,
    signerThreads: SIGNER_THREADS,
    logger: quiet,
  })
  const startBlock = await client.getBlockNumber()
  await minter.start()
  log(`pipelined minter on ${JOBS} jobs fed at ${FEED_RATE}/s ...`)
  const feeder = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
    env: {
      ...process.env,
      MINT_BENCH_FEEDER: JSON.stringify({
        dbPath: db,
        hashesPath,
        groupId: `mint:${pipelinedOperator}`,
        perSecond: FEED_RATE,
      }),
    },
    stdio: 'inherit',
  })
  const fed = new Promise<number | null>((resolve) => feeder.once('exit', resolve))
  const gethPids = net.nodes.map((node) => node.pid)
  const cpuBefore = {
    minter: process.cpuUsage(),
    geth: await Promise.all(gethPids.map(cpuSeconds)),
  }
  const samples: Array<{ t: number; minted: number; journaled: number }> = []
  const pipelineStart = performance.now()
  const pipeline = runMintPipeline({ queue, minter, logger: quiet, idleMs: 5, maxInFlight: MAX_IN_FLIGHT })
  for (;;) {
    const { minted, failed, journaled } = minter.stats()
    samples.push({ t: performance.now() - pipelineStart, minted, journaled })
    if (minted + failed >= JOBS) break
    if (performance.now() - pipelineStart > 10 * 60_000) throw new Error('pipelined run did not finish')
    await sleep(100)
  }
  const pipelineSeconds = (performance.now() - pipelineStart) / 1000
  const minterCpu = process.cpuUsage(cpuBefore.minter)
  const gethCpu = (await Promise.all(gethPids.map(cpuSeconds))).map(
    (seconds, index) => seconds - (cpuBefore.geth[index] ?? 0),
  )
  if ((await fed) !== 0) throw new Error('the feeder failed')
  await pipeline.stop()
  const endStats = minter.stats()
  await minter.stop()

  // Sustained rate: between 10% and 90% of the jobs minted (the ramp-up and the tail left out).
  const at = (fraction: number) =>
    samples.find((sample) => sample.minted >= JOBS * fraction) as { t: number; minted: number; journaled: number }
  const journaledAll = samples.find((sample) => sample.journaled >= JOBS)?.t ?? Number.NaN
  const firstMint = samples.find((sample) => sample.minted > 0)?.t ?? Number.NaN
  const from = at(0.1)
  const to = at(0.9)
  const sustainedRate = (to.minted - from.minted) / ((to.t - from.t) / 1000)
  const overallRate = JOBS / pipelineSeconds

  // Block fill from the chain itself.
  const endBlock = await client.getBlockNumber()
  const fills: Array<{ number: bigint; mints: number; timestamp: bigint }> = []
  for (let number = startBlock + 1n; number <= endBlock; number++) {
    const block = await client.getBlock({ blockNumber: number })
    const mints = Number(block.gasUsed / 21_000n)
    if (mints > 0 || fills.length > 0) fills.push({ number, mints, timestamp: block.timestamp })
  }
  while (fills.length > 0 && (fills[fills.length - 1] as { mints: number }).mints === 0) fills.pop()
  const inner = fills.slice(1, -1) // the first block caught the pool filling, the last one the tail
  const innerMints = inner.reduce((sum, block) => sum + block.mints, 0)
  const innerSeconds =
    inner.length > 1
      ? Number(
          (inner[inner.length - 1] as { timestamp: bigint }).timestamp - (inner[0] as { timestamp: bigint }).timestamp,
        ) + PERIOD
      : PERIOD
  const chainShare = innerMints / (inner.length * CAPACITY_PER_BLOCK)
  const operatorNonce = await client.getTransactionCount({ address: pipelinedOperator })

  const result = {
    chain: {
      period: PERIOD,
      gasLimit: GAS_LIMIT.toString(),
      capacityPerBlock: CAPACITY_PER_BLOCK,
      capacityPerSecond: CAPACITY_PER_SECOND,
    },
    naive: {
      minted: naiveMinted,
      seconds: Number(naiveSeconds.toFixed(2)),
      mintsPerSecond: Number(naiveRate.toFixed(3)),
    },
    pipelined: {
      jobs: JOBS,
      seconds: Number(pipelineSeconds.toFixed(2)),
      overallMintsPerSecond: Number(overallRate.toFixed(1)),
      journalRatePerSecond: Number((JOBS / (journaledAll / 1000)).toFixed(1)),
      firstMintAfterSeconds: Number((firstMint / 1000).toFixed(2)),
      sustainedMintsPerSecond: Number(sustainedRate.toFixed(1)),
      sustainedShareOfCapacity: Number((sustainedRate / CAPACITY_PER_SECOND).toFixed(3)),
      blocks: fills.length,
      innerBlocks: inner.length,
      innerBlockFill: Number(chainShare.toFixed(3)),
      innerMintsPerChainSecond: Number((innerMints / innerSeconds).toFixed(1)),
      perBlock: fills.map((block) => block.mints),
      feeBumps: endStats.feeBumps,
      rebroadcasts: endStats.rebroadcasts,
      operatorTransactions: operatorNonce,
      cpuSeconds: {
        minterProcess: Number(((minterCpu.user + minterCpu.system) / 1e6).toFixed(1)),
        gethSealer: Number((gethCpu[0] ?? 0).toFixed(1)),
        gethRpc: Number((gethCpu[1] ?? 0).toFixed(1)),
        wall: Number(pipelineSeconds.toFixed(1)),
        machineCpus: availableParallelism(),
      },
    },
    speedup: Number((innerMints / innerSeconds / naiveRate).toFixed(1)),
  }
  console.log(JSON.stringify(result, null, 2))
  log('')
  log(`capacity: ${CAPACITY_PER_BLOCK} transfers/block, ${CAPACITY_PER_SECOND}/s`)
  log(`naive send-and-wait:  ${naiveRate.toFixed(2)} mints/s (${naiveMinted} in ${naiveSeconds.toFixed(1)} s)`)
  log(
    `pipelined minter:     ${(innerMints / innerSeconds).toFixed(1)} mints per chain second over the ${inner.length} inner blocks = ` +
      `${(100 * chainShare).toFixed(1)}% of capacity (target >= 90%); wall clock between 10% and 90% minted: ${sustainedRate.toFixed(1)}/s; ` +
      `whole run incl. start, ramp and tail: ${overallRate.toFixed(1)}/s over ${fills.length} blocks`,
  )
  log(`speedup:              ${(innerMints / innerSeconds / naiveRate).toFixed(1)}x (target >= 20x)`)
  log(
    `CPU seconds in the pipelined phase (${pipelineSeconds.toFixed(1)} s wall, ${availableParallelism()} CPUs): minter process ` +
      `${((minterCpu.user + minterCpu.system) / 1e6).toFixed(1)}, geth sealer ${(gethCpu[0] ?? 0).toFixed(1)}, geth RPC node ${(gethCpu[1] ?? 0).toFixed(1)}`,
  )
  if (operatorNonce !== JOBS) throw new Error(`expected ${JOBS} operator transactions, found ${operatorNonce}`)
  await queue.close()
  await store.close()
} finally {
  await net.stop()
  await rm(dir, { recursive: true, force: true })
}
