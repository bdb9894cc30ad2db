// End to end with real Lightning payments: btcd + two lnd nodes on regtest (alice pays bob over one
// channel), a real geth Clique devnet (1 sealer + RPC node, period 1 s, gasLimit 10,500,000), and
// the issuance service of @chainops/lightning in embedded mode (`startIssuance`: invoice API,
// settle subscriber, pipelined minter on node:sqlite), all in this process except the daemons.
//
// Measured, each against a baseline run in the same process on the same daemons:
//   - invoices settled per second with the service running, against lnd alone (the same payments
//     to invoices lnd made directly, nobody subscribed): what the service costs the payment rate;
//   - latency from settle to the mint's inclusion, p50 and p99, against a plain transfer sent
//     straight to the RPC node (send -> inclusion): the chain's own floor, about half a period.
// "Settle" is when an observer subscribed to bob's invoices (admin macaroon, this process) sees the
// invoice settled; "inclusion" is when a poller (every 20 ms) first sees the block holding the mint.
// Run: node bench/settleToMint.bench.ts   (INVOICES, CONCURRENCY, BASELINE_TRANSFERS to change)
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, Rational, Secret } from '@chainops/core'
import { bakeMacaroons, startGethClique, startLightningRegtest, tempDir } from '@chainops/devnet'
import { minterTxPoolArgs, openEmbeddedIssuanceResources, startIssuance } from '@chainops/lightning'
import { pollUntil } from '@chainops/testkit'
import { authenticatedLndGrpc, createInvoice, pay, subscribeToInvoices } from 'lightning'
import { createPublicClient, createWalletClient, defineChain, type Hex, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const INVOICES = Number(process.env.INVOICES ?? 400)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 25)
const BASELINE_TRANSFERS = Number(process.env.BASELINE_TRANSFERS ?? 100)
const PERIOD = 1
const GAS_LIMIT = 10_500_000n
const SATS = 1_000

const log = (line: string) => process.stderr.write(`${line}\n`)
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T)
    }),
  )
}

const operatorKey = generatePrivateKey()
const baselineKey = generatePrivateKey()
const dir = await tempDir('settle-bench')
log('starting geth (period 1 s, gasLimit 10.5M) and btcd + lnd ...')
const [net, ln] = await Promise.all([
  startGethClique({
    sealers: 1,
    period: PERIOD,
    gasLimit: GAS_LIMIT,
    label: 'settle-bench',
    prefund: [operatorKey, baselineKey].map((key) => ({
      address: privateKeyToAccount(key).address,
      balanceWei: 10n ** 24n,
    })),
    extraArgs: [...minterTxPoolArgs(), '--txpool.nolocals'],
  }),
  startLightningRegtest({
    label: 'settle-bench',
    nodes: [{ name: 'alice' }, { name: 'bob' }],
    channels: [{ from: 'alice', to: 'bob', capacitySats: 16_000_000n }],
  }),
])
try {
  const alice = ln.nodes.alice
  const bob = ln.nodes.bob
  if (!alice || !bob) throw new Error('lnd nodes missing')
  const rpcUrl = net.rpc?.rpcUrl as string
  const chain = defineChain({
    id: net.chainId,
    name: 'devnet',
    nativeCurrency: { name: 'coin', symbol: 'COIN', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const client = createPublicClient({ chain, transport: http(rpcUrl) })

  // Block first-seen times, from a 20 ms poller.
  const blockSeenAt = new Map<bigint, number>()
  let polling = true
  let head = await client.getBlockNumber()
  const poller = (async () => {
    while (polling) {
      const now = await client.getBlockNumber({ cacheTime: 0 })
      const at = performance.now()
      for (let number = head + 1n; number <= now; number++) blockSeenAt.set(number, at)
      if (now > head) head = now
      await sleep(20)
    }
  })()
  const seenBlock = async (number: bigint) => {
    while (!blockSeenAt.has(number)) await sleep(10)
    return blockSeenAt.get(number) as number
  }

  // Settle times, from an observer subscription on bob.
  const settledAt = new Map<string, number>()
  const observer = subscribeToInvoices({ lnd: bob.lnd })
  observer.on('invoice_updated', (invoice: { id: string; is_confirmed: boolean }) => {
    if (invoice.is_confirmed && !settledAt.has(invoice.id)) settledAt.set(invoice.id, performance.now())
  })
  observer.on('error', () => {})
  await sleep(500)

  // ---- baseline 1: plain transfers straight to the RPC node, send -> inclusion ----
  log(`baseline: ${BASELINE_TRANSFERS} plain transfers, 10 a second, send -> inclusion ...`)
  const wallet = createWalletClient({ account: privateKeyToAccount(baselineKey), chain, transport: http(rpcUrl) })
  let nonce = 0
  const directLatencies: number[] = []
  await Promise.all(
    Array.from({ length: BASELINE_TRANSFERS }, async (_, index) => {
      await sleep(index * 100)
      const sentAt = performance.now()
      const hash = await wallet.sendTransaction({
        to: privateKeyToAccount(generatePrivateKey()).address,
        value: 1n,
        nonce: nonce++,
        gas: 21_000n,
        maxFeePerGas: 10n ** 11n,
        maxPriorityFeePerGas: 10n ** 9n,
      })
      const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
      directLatencies.push((await seenBlock(receipt.blockNumber)) - sentAt)
    }),
  )

  // ---- baseline 2: lnd alone, invoices made by lnd directly, nobody but the observer subscribed ----
  log(`baseline: ${INVOICES} payments to plain lnd invoices, ${CONCURRENCY} at a time ...`)
  const plain: string[] = []
  await pool(
    Array.from({ length: INVOICES }, (_, index) => index),
    8,
    async () => {
      plain.push((await createInvoice({ lnd: bob.lnd, tokens: SATS })).request)
    },
  )
  let started = performance.now()
  await pool(plain, CONCURRENCY, async (request) => {
    await pay({ lnd: alice.lnd, request })
  })
  const lndAloneSeconds = (performance.now() - started) / 1000

  // ---- the service ----
  const macaroons = await bakeMacaroons(bob)
  const connect = (macaroon: Secret<string>) =>
    authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroon.reveal(), socket: bob.socket }).lnd
  const { store, queue, close } = openEmbeddedIssuanceResources({ path: `${dir}/issuance.db` })
  const issuance = await startIssuance({
    mode: 'embedded',
    store,
    queue,
    lnd: { invoice: connect(macaroons.invoice), readOnly: connect(macaroons.readOnly), nodeKey: bob.publicKey },
    chain: { rpcUrl, chainId: net.chainId },
    signerKey: new Secret(operatorKey as Hex),
    rate: new Rational(10n ** 10n),
    bounds: { minSats: 1n, maxSats: 1_000_000n },
    minter: { pollIntervalMs: 50 },
    consumer: { idleMs: 10 },
    logger: createLogger({ level: 'error' }),
  })
  log(`service: ${INVOICES} invoices through its API ...`)
  const invoices: Array<{ paymentHash: string; request: string }> = []
  await pool(
    Array.from({ length: INVOICES }, (_, index) => index),
    8,
    async () => {
      const response = await fetch(`${issuance.url}/invoices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ address: privateKeyToAccount(generatePrivateKey()).address, sats: SATS }),
      })
      if (response.status !== 201) throw new Error(`POST /invoices: ${response.status} ${await response.text()}`)
      invoices.push((await response.json()) as { paymentHash: string; request: string })
    },
  )
  log(`service: paying them, ${CONCURRENCY} at a time ...`)
  started = performance.now()
  await pool(invoices, CONCURRENCY, async (invoice) => {
    await pay({ lnd: alice.lnd, request: invoice.request })
  })
  const serviceSeconds = (performance.now() - started) / 1000
  await pollUntil({
    description: `${INVOICES} mints`,
    condition: () => issuance.minter.stats().minted >= INVOICES,
    timeoutMs: 120_000,
    intervalMs: 50,
  })
  const latencies: number[] = []
  const blocks = new Set<string>()
  for (const invoice of invoices) {
    const record = (await store.get<{ mintBlock: string }>('invoices', invoice.paymentHash))?.value
    if (!record?.mintBlock) throw new Error(`${invoice.paymentHash} not minted`)
    blocks.add(record.mintBlock)
    const settled = settledAt.get(invoice.paymentHash)
    if (settled === undefined) throw new Error(`the observer missed the settle of ${invoice.paymentHash}`)
    latencies.push((await seenBlock(BigInt(record.mintBlock))) - settled)
  }
  polling = false
  await poller
  observer.removeAllListeners()
  await issuance.stop()
  await close()

  const ms = (value: number) => Number(value.toFixed(0))
  const result = {
    chain: { period: PERIOD, gasLimit: GAS_LIMIT.toString() },
    invoices: INVOICES,
    concurrency: CONCURRENCY,
    settlesPerSecond: {
      lndAlone: Number((INVOICES / lndAloneSeconds).toFixed(1)),
      withService: Number((INVOICES / serviceSeconds).toFixed(1)),
      ratio: Number((lndAloneSeconds / serviceSeconds).toFixed(2)),
    },
    settleToInclusionMs: {
      p50: ms(percentile(latencies, 50)),
      p99: ms(percentile(latencies, 99)),
      max: ms(Math.max(...latencies)),
      blocks: blocks.size,
    },
    directSendToInclusionMs: {
      p50: ms(percentile(directLatencies, 50)),
      p99: ms(percentile(directLatencies, 99)),
    },
    p50OverDirect: Number((percentile(latencies, 50) / percentile(directLatencies, 50)).toFixed(2)),
    targetP50Ms: (PERIOD + 1) * 1000,
  }
  console.log(JSON.stringify(result, null, 2))
  log('')
  log(
    `settles/s: ${result.settlesPerSecond.withService} with the service, ${result.settlesPerSecond.lndAlone} lnd alone (ratio ${result.settlesPerSecond.ratio})`,
  )
  log(
    `settle -> inclusion: p50 ${result.settleToInclusionMs.p50} ms, p99 ${result.settleToInclusionMs.p99} ms over ${blocks.size} blocks ` +
      `(target p50 <= ${result.targetP50Ms} ms); a plain transfer send -> inclusion: p50 ${result.directSendToInclusionMs.p50} ms, ` +
      `p99 ${result.directSendToInclusionMs.p99} ms (p50 ratio ${result.p50OverDirect})`,
  )
} finally {
  await Promise.allSettled([net.stop(), ln.stop()])
}
