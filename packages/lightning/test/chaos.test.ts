import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { type Address, createPublicClient, getAddress, http, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow } from '../src/minter/MintJournalRow.ts'
import { mintWeiOf } from '../src/minter/mintWeiOf.ts'
import type { MinterProcessConfig } from '../src/minter/testProcesses/runMinterProcess.ts'
import { type MinterProcess, spawnMinterProcess } from '../src/minter/testProcesses/spawnMinterProcess.ts'
import { minterTxPoolArgs } from '../src/pipeline/minterTxPoolArgs.ts'
import { chaosKiller } from './support/chaosKiller.ts'
import { random } from './support/random.ts'

const JOBS = 240
const RATE = Rational.fromString('10000000000/1')

describe('mint chaos @integration: 240 PAID jobs, every message delivered at least twice, the minter SIGKILLed at random points, the geth RPC node restarted', () => {
  let net: GethCliqueNetwork
  let client: PublicClient
  let dir: string
  const children: MinterProcess[] = []

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-mint-chaos-'))
  })

  after(async () => {
    for (const child of children) await child.kill()
    await net?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('ends with exactly one mint per job, nothing lost, and the recipients holding exactly the sum expected', async function () {
    this.timeout(240_000)
    const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))
    const rand = random(seed)
    const pick = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1))

    const key = generatePrivateKey()
    const operator = privateKeyToAccount(key).address
    net = await startGethClique({
      sealers: 1,
      period: 1,
      label: 'lightning-chaos',
      prefund: [{ address: operator, balanceWei: 10n ** 24n }],
      extraArgs: minterTxPoolArgs(),
    })
    const rpc = net.rpc
    assert.ok(rpc)
    client = createPublicClient({ transport: http(rpc.rpcUrl, { retryCount: 5, retryDelay: 200 }) })

    const dbPath = join(dir, 'chaos.db')
    const store = new SqliteStore({ path: dbPath })
    const queue = new SqliteQueue({ path: dbPath, name: 'mint', visibilityTimeoutMs: 2000 })
    const groupId = `mint:${operator}`

    // 240 PAID records, written as the settle subscriber would (amounts from 1,000 to 100,000 sats + msat).
    const jobs: Array<{ hash: string; recipient: Address; wei: bigint }> = []
    await store.transaction(async (tx) => {
      for (let index = 0; index < JOBS; index++) {
        const hash = randomBytes(32).toString('hex')
        const recipient = privateKeyToAccount(generatePrivateKey()).address
        const receivedMsat = BigInt(pick(1_000_000, 100_000_000))
        const wei = mintWeiOf({ receivedMsat, rate: RATE })
        const now = new Date().toISOString()
        const record: InvoiceRecord = {
          paymentHash: hash,
          address: getAddress(recipient),
          requestedSats: (receivedMsat / 1000n).toString(),
          rate: RATE.toJSON(),
          request: 'lnbcrt1chaos',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          createdAt: now,
          state: 'PAID',
          receivedMsat: receivedMsat.toString(),
          settleIndex: String(index + 1),
          paidAt: now,
          mintWei: wei.toString(),
        }
        await tx.putIfAbsent(INVOICES_TABLE, hash, record)
        jobs.push({ hash, recipient, wei })
      }
    })

    const config: MinterProcessConfig = {
      dbPath,
      queueName: 'mint',
      rpcUrl: rpc.rpcUrl,
      chainId: net.chainId,
      leaseTtlMs: 3000,
      visibilityTimeoutMs: 2000,
    }
    const counts = {
      messagesSent: 0,
      minterStarts: 0,
      rpcRestarts: 0,
    }

    // The feeder: every job enqueued once over ~15 s, and a second copy of each (another dedup id,
    // as the reconciler would after the dedup window) at a random later moment.
    const enqueued = new Map<string, number>()
    const send = async (hash: string, copy: string) => {
      const result = await queue.send({
        body: JSON.stringify({ v: 1, paymentHash: hash }),
        dedupId: `${hash}:${copy}`,
        groupId,
      })
      assert.equal(result.enqueued, true)
      counts.messagesSent++
      enqueued.set(hash, (enqueued.get(hash) ?? 0) + 1)
    }
    let feeding = true
    const feeder = (async () => {
      const duplicates: string[] = []
      for (const job of jobs) {
        await send(job.hash, 'settled')
        duplicates.push(job.hash)
        if (rand() < 0.5 && duplicates.length > 0)
          await send(duplicates.splice(pick(0, duplicates.length - 1), 1)[0] as string, 'reconciled')
        await sleep(pick(20, 100))
      }
      for (const hash of duplicates) await send(hash, 'reconciled')
      feeding = false
    })()

    // The geth RPC node goes down once, a few seconds in.
    const rpcRestart = (async () => {
      await sleep(pick(4000, 8000))
      await net.stopNode(rpc.index)
      await sleep(pick(1000, 3000))
      await net.startNode(rpc.index)
      counts.rpcRestarts++
    })()

    const allMinted = async () => {
      for (const job of jobs) {
        const record = await store.get<InvoiceRecord>(INVOICES_TABLE, job.hash)
        if (record?.value.state !== 'MINTED') return false
      }
      return true
    }

    // The killer: minters started one after another, each SIGKILLed at a random moment or at a
    // crash point (right after a journal commit, right after a broadcast) until the feed is done
    // and at least 8 have died; then one runs to the end.
    const killer = chaosKiller({ rand, crashShare: 0.25, lifetimeMs: [800, 3500], forcedTimeoutMs: 20_000 })
    while (feeding || killer.deaths < 8 || counts.rpcRestarts === 0) {
      const crashAt = killer.nextCrash()
      const child = spawnMinterProcess({ ...config, crashAt }, key)
      children.push(child)
      counts.minterStarts++
      await killer.killWhenDue(child, crashAt)
    }
    await feeder
    await rpcRestart

    const last = spawnMinterProcess(config, key)
    children.push(last)
    counts.minterStarts++
    const deadline = Date.now() + 90_000
    while (!(await allMinted())) {
      assert.ok(Date.now() < deadline, `not every job minted in time; minter stderr:\n${last.stderr().slice(-3000)}`)
      await sleep(250)
    }
    // Every copy of every message is handled (deleted) before the last minter stops.
    while ((await queue.receive({ max: 1, visibilityTimeoutMs: 0 })).length > 0) {
      assert.ok(Date.now() < deadline, 'messages left in the queue')
      await sleep(250)
    }
    await last.stop()

    // Exactly one mint per job.
    const rows = (await store.list<MintJournalRow>(MINT_JOURNAL_TABLE, { limit: 1000 })).records.map((r) => r.value)
    assert.equal(rows.length, JOBS, 'one journal row per job')
    assert.deepEqual(
      rows.map((row) => Number(row.nonce)).sort((a, b) => a - b),
      Array.from({ length: JOBS }, (_, index) => index),
      'nonces 0..239, each given to one payment hash',
    )
    const operatorTxs = BigInt(await client.getTransactionCount({ address: operator }))
    assert.equal(operatorTxs, BigInt(JOBS), 'the operator sent exactly one transaction per job')
    let expectedSum = 0n
    let balanceSum = 0n
    for (const job of jobs) {
      const record = (await store.get<InvoiceRecord>(INVOICES_TABLE, job.hash))?.value
      const row = rows.find((candidate) => candidate.paymentHash === job.hash)
      assert.equal(record?.state, 'MINTED')
      assert.equal(row?.outcome?.kind, 'minted')
      assert.equal(record?.mintTxHash, row?.outcome?.kind === 'minted' ? row.outcome.txHash : undefined)
      const balance = await client.getBalance({ address: job.recipient })
      assert.equal(balance, job.wei, `recipient of ${job.hash} holds exactly its mint`)
      expectedSum += job.wei
      balanceSum += balance
    }
    assert.equal(balanceSum, expectedSum)
    assert.deepEqual(await queue.deadLetters(), [])

    // Every job was delivered at least twice: the durable queue accepted two distinct messages per
    // job (asserted at each send), and it is empty with no dead letters, so each was received and
    // deleted. The children's 'received' lines only feed the log line: a SIGKILL can cut the last
    // ones before they reach the pipe.
    const fewest = Math.min(...jobs.map((job) => enqueued.get(job.hash) ?? 0))
    assert.ok(fewest >= 2, `a job was enqueued only ${fewest} time(s)`)
    let receivedLines = 0
    for (const child of children) for (const event of child.events) if (event.event === 'received') receivedLines++
    const bumps = rows.reduce((sum, row) => sum + row.feeBumps.length, 0)

    console.log(
      `      chaos (seed ${seed}): jobs ${JOBS}, messages sent ${counts.messagesSent}, deliveries logged ${receivedLines} (fewest messages per job ${fewest}), ` +
        `minter starts ${counts.minterStarts}, SIGKILLs: at random times ${killer.counts.killsAtRandomTime}, after a journal commit ${killer.counts.killsAfterJournal}, after a broadcast ${killer.counts.killsAfterBroadcast}; ` +
        `exited on their own ${killer.counts.exitedOnTheirOwn}; RPC node restarts ${counts.rpcRestarts}; journal rows ${rows.length}, fee bumps ${bumps}, ` +
        `operator transactions ${operatorTxs}, mints ${rows.filter((row) => row.outcome?.kind === 'minted').length}, duplicates 0, ` +
        `recipients' sum ${balanceSum} wei = expected ${expectedSum} wei`,
    )
    await queue.close()
    await store.close()
  })
})
