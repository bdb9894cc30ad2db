import assert from 'node:assert/strict'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { type Queue, Rational, SqliteQueue, SqliteStore, type Store } from '@chainops/core'
import type { GethCliqueNetwork, LightningRegtest, MotoServer } from '@chainops/devnet'
import { type AuthenticatedLnd, getInvoice, pay } from 'lightning'
import type { Address, Hex, PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { openAwsIssuanceResources } from '../src/aws/openAwsIssuanceResources.ts'
import { createInvoice } from '../src/invoices/createInvoice.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import type { AwsProcessConfig } from '../src/lambda/testProcesses/awsProcessConfig.ts'
import type { MintConsumerLambdaProcessConfig } from '../src/lambda/testProcesses/runMintConsumerLambdaProcess.ts'
import type { MintWatcherLambdaProcessConfig } from '../src/lambda/testProcesses/runMintWatcherLambdaProcess.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow } from '../src/minter/MintJournalRow.ts'
import type { CrashAt } from '../src/minter/testProcesses/crashPointHooks.ts'
import { type MinterProcess, spawnMinterProcess } from '../src/minter/testProcesses/spawnMinterProcess.ts'
import type { IssuanceMode } from '../src/service/startIssuance.ts'
import type { IssuanceProcessConfig } from '../src/service/testProcesses/runIssuanceProcess.ts'
import { CURSORS_TABLE, settleCursorKey } from '../src/settle/settleCursorKey.ts'
import type { SettleSubscriberProcessConfig } from '../src/settle/testProcesses/runSettleSubscriberProcess.ts'
import { chaosKiller } from './support/chaosKiller.ts'
import { random } from './support/random.ts'
import { type IssuanceDevnet, startIssuanceDevnet } from './support/startIssuanceDevnet.ts'

const INVOICES = Number(process.env.CHAOS_INVOICES ?? 200)
const RATE = '10000000000/1'
const issuanceScript = new URL('../src/service/testProcesses/runIssuanceProcess.ts', import.meta.url).pathname
// AWS mode: each part in its own process, as production runs them apart.
const subscriberScript = new URL('../src/settle/testProcesses/runSettleSubscriberProcess.ts', import.meta.url).pathname
const consumerScript = new URL('../src/lambda/testProcesses/runMintConsumerLambdaProcess.ts', import.meta.url).pathname
const watcherScript = new URL('../src/lambda/testProcesses/runMintWatcherLambdaProcess.ts', import.meta.url).pathname

/** A node's head by a bare eth_blockNumber (diagnostics), or why it could not be read. */
const headOf = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  })
    .then((response) => response.json() as Promise<{ result: string }>)
    .then((answer) => Number(answer.result))
    .catch(String)

const alive = (child: MinterProcess) => child.child.exitCode === null && child.child.signalCode === null
/** Whether a subscriber process holds the settle lease now (its last lease event is an acquisition). */
function activeSubscriber(child: MinterProcess): boolean {
  if (!alive(child)) return false
  for (let index = child.events.length - 1; index >= 0; index--) {
    const event = child.events[index]?.event
    if (event === 'lease_acquired') return true
    if (event === 'lease_lost') return false
  }
  return false
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        await work(items[index] as T, index)
      }
    }),
  )
}

describe(`issuance chaos @integration: ${INVOICES} real Lightning payments per mode, the service SIGKILLed at random points (AWS mode: its consumer, its receipt watcher and its active settle subscriber, each in a process of its own), every message delivered at least twice, lnd and the geth RPC node restarted`, function () {
  this.timeout(600_000)
  let devnet: IssuanceDevnet
  let geth: GethCliqueNetwork
  let ln: LightningRegtest
  let moto: MotoServer
  let client: PublicClient
  let dir: string
  let invoiceLnd: AuthenticatedLnd
  let readOnlyLnd: AuthenticatedLnd
  let macaroonEnv: Record<string, string>
  const operatorKeys: Record<IssuanceMode, Hex> = { embedded: generatePrivateKey(), aws: generatePrivateKey() }
  /** AWS mode runs K = 2 sending keys: this one beside operatorKeys.aws. */
  const secondAwsKey = generatePrivateKey()
  const children: MinterProcess[] = []

  before(async () => {
    devnet = await startIssuanceDevnet({
      label: 'issuance-chaos',
      operatorKeys: [...Object.values(operatorKeys), secondAwsKey],
      channelCapacitySats: 10_000_000n,
    })
    ;({ geth, ln, moto, client, dir, invoiceLnd, readOnlyLnd } = devnet)
    macaroonEnv = {
      CHAINOPS_INVOICE_MACAROON: devnet.macaroons.invoice.reveal(),
      CHAINOPS_READONLY_MACAROON: devnet.macaroons.readOnly.reveal(),
    }
  })

  after(async () => {
    for (const child of children) await child.kill()
    await devnet?.stop()
  })

  for (const mode of ['embedded', 'aws'] as const) {
    it(`${mode} mode: every settled invoice minted exactly once, nothing lost, the recipients holding exactly the sum expected`, async () => {
      const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31))
      const rand = random(seed)
      const pick = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1))
      const key = operatorKeys[mode]
      const operator = privateKeyToAccount(key).address
      // The sending keys of this mode: one in embedded mode, K = 2 in AWS mode (sharded).
      const senders = mode === 'aws' ? [operator, privateKeyToAccount(secondAwsKey).address] : [operator]
      const bob = ln.nodes.bob
      const alice = ln.nodes.alice
      assert.ok(bob && alice)

      let store: Store
      let queue: Queue
      let close: () => Promise<void>
      let config: IssuanceProcessConfig
      let awsConfig: AwsProcessConfig | undefined
      const base = {
        rpcUrl: geth.rpc?.rpcUrl as string,
        chainId: geth.chainId,
        lnd: { socket: bob.socket, cert: bob.cert, nodeKey: bob.publicKey },
        rate: RATE,
        leaseTtlMs: 3000,
        visibilityTimeoutMs: 3000,
      }
      if (mode === 'embedded') {
        const dbPath = join(dir, 'chaos.db')
        const sqliteStore = new SqliteStore({ path: dbPath })
        const sqliteQueue = new SqliteQueue({ path: dbPath, name: 'mint', visibilityTimeoutMs: 3000 })
        store = sqliteStore
        queue = sqliteQueue
        close = async () => {
          await sqliteQueue.close()
          await sqliteStore.close()
        }
        config = { ...base, mode, dbPath }
      } else {
        const operatorKeyParameter = ['/chainops/chaos/operator-key', '/chainops/chaos/operator-key-2']
        const ssm = new SSMClient(moto.clientConfig)
        for (const [index, value] of [key, secondAwsKey].entries())
          await ssm.send(
            new PutParameterCommand({ Name: operatorKeyParameter[index], Value: value, Type: 'SecureString' }),
          )
        const aws = { tableName: 'chainops-chaos', queueName: 'chainops-chaos-mint', operatorKeyParameter }
        const resources = await openAwsIssuanceResources({
          clientConfig: moto.clientConfig,
          tableName: aws.tableName,
          queueName: aws.queueName,
          parameters: { operatorKey: operatorKeyParameter },
          create: true,
        })
        store = resources.store
        queue = resources.queue
        close = resources.close
        awsConfig = { ...aws, clientConfig: moto.clientConfig }
        config = { ...base, mode, aws: awsConfig }
      }

      // The invoices, created as the API does (record before request).
      const invoices: Array<{ hash: string; request: string; recipient: Address; sats: bigint }> = []
      await pool(
        Array.from({ length: INVOICES }, () => pick(1_000, 20_000)),
        8,
        async (sats) => {
          const recipient = privateKeyToAccount(generatePrivateKey()).address
          const created = await createInvoice({
            lnd: invoiceLnd,
            liquidityLnd: readOnlyLnd,
            store,
            address: recipient,
            sats: BigInt(sats),
            bounds: { minSats: 1n, maxSats: 10_000_000n },
            rate: Rational.fromString(RATE),
          })
          invoices.push({ hash: created.paymentHash, request: created.request, recipient, sats: BigInt(sats) })
        },
      )

      const counts = {
        paymentsStarted: 0,
        payments: 0,
        paymentRetries: 0,
        duplicatesSent: 0,
        lndRestarts: 0,
        settledBeforeLndRestart: 0,
        rpcRestarts: 0,
      }

      // The payer: every invoice paid, 25 at a time; a payment cut by the lnd restart is retried
      // unless lnd already settled it.
      const settled = new Set<string>()
      let paying = true
      // Payments start once a service listens, so that settles reach it live as well as through
      // the reconciler at each restart.
      let listening: () => void = () => {}
      const firstSubscribed = new Promise<void>((resolve) => {
        listening = resolve
      })
      // AWS mode: the payments from `holdAt` on wait until the receipt watcher gap has begun, so that
      // the consumer journals and acknowledges mints while no watcher runs.
      const holdAt = mode === 'aws' ? pick(Math.floor(INVOICES * 0.25), Math.floor(INVOICES * 0.45)) : INVOICES
      let releaseHeld: () => void = () => {}
      const held = new Promise<void>((resolve) => {
        releaseHeld = resolve
      })
      const payer = (async () => {
        await firstSubscribed
        await pool(invoices, 25, async (invoice, index) => {
          if (index >= holdAt) await held
          counts.paymentsStarted++
          for (let attempt = 1; ; attempt++) {
            try {
              await pay({ lnd: alice.lnd, request: invoice.request })
              break
            } catch (error) {
              const state = await getInvoice({ lnd: bob.lnd, id: invoice.hash }).catch(() => undefined)
              if (state?.is_confirmed) break
              assert.ok(attempt < 20, `payment of ${invoice.hash} kept failing: ${JSON.stringify(error)}`)
              counts.paymentRetries++
              await sleep(1000)
            }
          }
          counts.payments++
          settled.add(invoice.hash)
        })
        paying = false
      })()

      // lnd restarted once while payments flow, the geth RPC node once.
      // lnd goes down while payments are in flight: after a random share of them has settled.
      const restartAfter = pick(Math.floor(INVOICES * 0.15), Math.floor(INVOICES * 0.6))
      const restarts = (async () => {
        await firstSubscribed
        while (settled.size < restartAfter) await sleep(20)
        counts.settledBeforeLndRestart = settled.size
        await bob.restart()
        counts.lndRestarts++
        await sleep(pick(1000, 4000))
        await geth.stopNode(geth.rpc?.index as number)
        await sleep(pick(1000, 3000))
        await geth.startNode(geth.rpc?.index as number)
        counts.rpcRestarts++
      })()

      // The duplicator: once an invoice is PAID, a second copy of its mint job with another dedup
      // id (as a reconciler would send after the dedup window): every job is delivered twice at least.
      const duplicated = new Set<string>()
      const duplicator = (async () => {
        while (duplicated.size < invoices.length) {
          for (const invoice of invoices) {
            if (duplicated.has(invoice.hash)) continue
            const record = await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.hash)
            if (record?.value.state !== 'PAID' && record?.value.state !== 'MINTED') continue
            await queue.send({
              body: JSON.stringify({ v: 1, paymentHash: invoice.hash }),
              dedupId: `${invoice.hash}:duplicate`,
              // To the group of the key the invoice was assigned (as every re-send goes).
              groupId: `mint:${record.value.sender ?? operator}`,
            })
            duplicated.add(invoice.hash)
            counts.duplicatesSent++
          }
          await sleep(300)
        }
      })()

      let finalProcesses: MinterProcess[]
      let killedAt: number
      let processReport: string
      /** What is checked once every settled invoice is MINTED (AWS mode: the mints of the watcher gap). */
      let afterMinted = async () => {}
      if (mode === 'embedded') {
        // The killer: services started one after another, each SIGKILLed at a crash point (after a
        // journal commit; after a broadcast, before its receipt) or at a random moment.
        const killer = chaosKiller({ rand, crashShare: 0.3, lifetimeMs: [1500, 5000], forcedTimeoutMs: 30_000 })
        let serviceStarts = 0
        while (paying || killer.deaths < 8 || counts.rpcRestarts === 0) {
          const crashAt = killer.nextCrash()
          const child = spawnMinterProcess({ ...config, crashAt }, key, { script: issuanceScript, env: macaroonEnv })
          children.push(child)
          serviceStarts++
          child.waitFor((event) => event.event === 'subscribed', 120_000).then(listening, () => {})
          await killer.killWhenDue(child, crashAt)
        }
        await payer
        await restarts
        killedAt = Date.now()

        // The last service runs to the end; the duplicator finishes meanwhile.
        const last = spawnMinterProcess(config, key, { script: issuanceScript, env: macaroonEnv })
        children.push(last)
        serviceStarts++
        finalProcesses = [last]
        processReport =
          `service starts ${serviceStarts}, SIGKILLs: after a journal commit ${killer.counts.killsAfterJournal}, after a broadcast ${killer.counts.killsAfterBroadcast}, at random times ${killer.counts.killsAtRandomTime}; ` +
          `exited on their own ${killer.counts.exitedOnTheirOwn}`
      } else {
        // AWS mode runs the parts apart, as production does: two settle subscribers (active/standby
        // by the store's lease, on the lnd host), the consumer Lambda and the scheduled receipt
        // watcher Lambda, each in its own process and each killed on its own.
        const aws = awsConfig as AwsProcessConfig
        const chain = { rpcUrl: base.rpcUrl, chainId: base.chainId }
        const spawnPart = (script: string, partConfig: object, env: Record<string, string> = {}) => {
          const child = spawnMinterProcess(partConfig, '0x', { script, env })
          children.push(child)
          return child
        }
        const consumerConfig = (crashAt: CrashAt | undefined): MintConsumerLambdaProcessConfig => ({
          aws,
          ...chain,
          visibilityTimeoutMs: base.visibilityTimeoutMs,
          crashAt,
        })
        const watcherConfig = (crashAt: CrashAt | undefined): MintWatcherLambdaProcessConfig => ({
          aws,
          ...chain,
          leaseTtlMs: base.leaseTtlMs,
          pollIntervalMs: 100,
          resendAfterMs: 1500,
          invocationMs: 60_000,
          scheduleMs: 200,
          crashAt,
        })

        // The subscriber pair. The ACTIVE one is SIGKILLed twice while payments are in flight; the
        // standby must take the lease over, and the killed one comes back as the new standby.
        const subscribers: MinterProcess[] = []
        let subscriberStarts = 0
        const spawnSubscriber = () => {
          const subscriberConfig: SettleSubscriberProcessConfig = {
            aws,
            lnd: base.lnd,
            sender: senders,
            holder: `subscriber-${++subscriberStarts}`,
            ttlMs: base.leaseTtlMs,
            pollIntervalMs: 200,
            reconcileIntervalMs: 10_000,
          }
          const child = spawnPart(subscriberScript, subscriberConfig, {
            CHAINOPS_READONLY_MACAROON: macaroonEnv.CHAINOPS_READONLY_MACAROON as string,
          })
          subscribers.push(child)
          child.waitFor((event) => event.event === 'subscribed', 120_000).then(listening, () => {})
          return child
        }
        spawnSubscriber()
        spawnSubscriber()
        const takeovers: Array<{ afterSettles: number; inFlight: number; ms: number }> = []
        const subscriberChaos = (async () => {
          await firstSubscribed
          for (const share of [pick(8, 20) / 100, pick(50, 75) / 100]) {
            // Killed while payments are in flight (not while the later ones wait for the watcher gap).
            while (
              settled.size < Math.floor(INVOICES * share) ||
              (paying && counts.paymentsStarted - counts.payments < 5)
            )
              await sleep(20)
            let active = subscribers.find(activeSubscriber)
            for (const until = Date.now() + 30_000; !active; active = subscribers.find(activeSubscriber)) {
              assert.ok(Date.now() < until, 'no settle subscriber holds the lease')
              await sleep(50)
            }
            // The store's lease agrees: the settle lease of this lnd node names the active one's process.
            const leasePid: number | undefined = (await store.get<{ pid: number }>('settle_leases', bob.publicKey))
              ?.value.pid
            assert.equal(leasePid, active.child.pid, 'the active subscriber holds the settle lease')
            const standby = subscribers.find((child) => child !== active && alive(child))
            assert.ok(standby, 'a standby subscriber runs beside the active one')
            const afterSettles = settled.size
            const inFlight = counts.paymentsStarted - counts.payments
            const killed = Date.now()
            await active.kill()
            const tookOver = await standby.waitFor(
              (event) => event.event === 'lease_acquired' && Number(event.at) >= killed,
              30_000,
            )
            takeovers.push({ afterSettles, inFlight, ms: Number(tookOver.at) - killed })
            // The killed one restarts, as the new standby.
            spawnSubscriber()
          }
        })()

        // The consumer: started one after another, each SIGKILLed at one of its minters' crash
        // points (after a journal commit; after a broadcast, before the acknowledgement) or at a
        // random moment.
        const consumerKiller = chaosKiller({
          rand,
          crashShare: 0.3,
          lifetimeMs: [1500, 5000],
          forcedTimeoutMs: 30_000,
          lifetimeFrom: 'started',
          // Hung after its journal commit a little longer than the watcher's resend delay: its
          // mints stay unsent (their messages invisible), for the receipt watcher to send.
          holdMs: { journaled: 2500 },
        })
        let consumerStarts = 0
        const consumerProcesses: MinterProcess[] = []
        const consumers = (async () => {
          while (paying || consumerKiller.deaths < 8 || counts.rpcRestarts === 0) {
            const crashAt = consumerKiller.nextCrash()
            const child = spawnPart(consumerScript, consumerConfig(crashAt))
            consumerProcesses.push(child)
            consumerStarts++
            await consumerKiller.killWhenDue(child, crashAt)
          }
        })()

        // The receipt watcher: killed after a journal commit (an outcome or a fee bump written),
        // after a broadcast (a rebroadcast or fee bump answered) or at random; once `holdAt`
        // payments have settled, none runs for a while (as when scheduled invocations fail) while the consumer
        // journals and acknowledges: those mints must stay PAID, then reach MINTED.
        // The first watcher is to die after a broadcast: it runs while the first consumer dies after
        // its first journal commit, before broadcasting, and resends what that one left unsent (up
        // to three watchers get that point until one reaches it).
        const watcherKiller = chaosKiller({
          rand: random(seed ^ 0x9e3779b9),
          crashShare: 0.3,
          lifetimeMs: [2000, 6000],
          forcedTimeoutMs: 15_000,
          forced: ['broadcast', 'journaled'],
          forcedAttempts: 3,
          lifetimeFrom: 'started',
        })
        let watcherStarts = 0
        const watcherProcesses: MinterProcess[] = []
        const gap = { hashes: [] as string[], mined: 0, ms: 0 }
        const watcherGap = async () => {
          const start = Date.now()
          releaseHeld()
          const since = (name: string) =>
            children.flatMap((child) =>
              child.events.filter((event) => event.event === name && Number(event.at) >= start),
            )
          const journaledAndAcked = () => {
            const journaled = new Set(since('journaled').flatMap((event) => event.hashes as string[]))
            return [...new Set(since('acked').map((event) => event.hash as string))].filter((hash) =>
              journaled.has(hash),
            )
          }
          while (Date.now() - start < 4000 || (journaledAndAcked().length < 5 && Date.now() - start < 30_000))
            await sleep(200)
          gap.hashes = journaledAndAcked()
          assert.ok(
            gap.hashes.length > 0,
            `the consumer journaled and acknowledged mints while no watcher ran: ${JSON.stringify({ settled: settled.size, holdAt, journaled: since('journaled').length, acked: since('acked').length })}; the last consumers: ${JSON.stringify(consumerProcesses.slice(-2).map((child) => ({ events: child.events.slice(-8), stderr: child.stderr().slice(-1500) })))}`,
          )
          for (const hash of gap.hashes) {
            const record = (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value
            const row = (await store.get<MintJournalRow>(MINT_JOURNAL_TABLE, hash))?.value
            assert.equal(record?.state, 'PAID', `${hash}: journaled and acked with no watcher running, still PAID`)
            assert.ok(row, `${hash}: its journal row is committed`)
            assert.equal(row.outcome, undefined, `${hash}: no outcome without a watcher`)
            const receipt = await client.getTransactionReceipt({ hash: row.txHash }).catch(() => undefined)
            if (receipt) gap.mined++
          }
          gap.ms = Date.now() - start
        }
        const watchers = (async () => {
          const pointsReached = () =>
            watcherKiller.counts.killsAfterJournal > 0 && watcherKiller.counts.killsAfterBroadcast > 0
          while (paying || watcherKiller.deaths < 6 || (!pointsReached() && watcherKiller.deaths < 10)) {
            if (gap.ms === 0 && settled.size >= holdAt) await watcherGap()
            const crashAt = watcherKiller.nextCrash()
            const child = spawnPart(watcherScript, watcherConfig(crashAt))
            watcherProcesses.push(child)
            watcherStarts++
            await watcherKiller.killWhenDue(child, crashAt)
          }
        })().finally(() => releaseHeld()) // never leaves the held payments waiting

        // A failed check in one of them is seen when it is awaited (not as an unhandled rejection before).
        for (const part of [subscriberChaos, consumers, watchers]) part.catch(() => undefined)
        await payer
        await restarts
        await subscriberChaos
        await consumers
        await watchers
        killedAt = Date.now()
        assert.equal(takeovers.length, 2, 'the active subscriber was killed twice')
        const watcherBroadcasts = watcherProcesses.reduce(
          (sum, child) => sum + child.events.filter((event) => event.event === 'broadcast').length,
          0,
        )
        if (watcherKiller.counts.killsAfterJournal === 0 || watcherKiller.counts.killsAfterBroadcast === 0)
          assert.fail(
            `a receipt watcher was SIGKILLed after a journal commit and one after a broadcast: ${JSON.stringify({ ...watcherKiller.counts, watcherBroadcasts, rpcHead: String(await client.getBlockNumber().catch(String)), sealerHead: await headOf(geth.sealers[0]?.rpcUrl as string) })}; the watchers: ${JSON.stringify(watcherProcesses.map((child) => ({ events: child.events.map((event) => ({ ...event, hashes: undefined })).slice(-12), stderr: child.stderr().slice(-600) })))}`,
          )
        assert.ok(
          takeovers.every((takeover) => takeover.inFlight > 0),
          `payments were in flight at each kill of the active subscriber: ${JSON.stringify(takeovers)}`,
        )

        // The last consumer and watcher run to the end, beside the subscriber pair.
        const lastConsumer = spawnPart(consumerScript, consumerConfig(undefined))
        const lastWatcher = spawnPart(watcherScript, watcherConfig(undefined))
        consumerStarts++
        watcherStarts++
        finalProcesses = [lastConsumer, lastWatcher, ...subscribers.filter(alive)]
        afterMinted = async () => {
          for (const hash of gap.hashes)
            assert.equal(
              (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value.state,
              'MINTED',
              `${hash}: MINTED once a watcher ran again`,
            )
        }
        const kills = (killer: typeof consumerKiller) =>
          `after a journal commit ${killer.counts.killsAfterJournal}, after a broadcast ${killer.counts.killsAfterBroadcast}, at random times ${killer.counts.killsAtRandomTime}, exited on their own ${killer.counts.exitedOnTheirOwn}`
        processReport =
          `consumer starts ${consumerStarts}, SIGKILLs: ${kills(consumerKiller)}; ` +
          `watcher starts ${watcherStarts} (rebroadcasts and fee bumps sent by the killed ones ${watcherBroadcasts}), SIGKILLs: ${kills(watcherKiller)}; ` +
          `no watcher for ${(gap.ms / 1000).toFixed(1)} s: ${gap.hashes.length} mints journaled and acked meanwhile (${gap.mined} already mined), all PAID, then MINTED once a watcher ran; ` +
          `subscriber starts ${subscriberStarts}, active one SIGKILLed ${takeovers.length} times, standby takeovers ${takeovers
            .map(
              (takeover) =>
                `${takeover.ms} ms (after ${takeover.afterSettles} settles, ${takeover.inFlight} payments in flight)`,
            )
            .join(', ')}`
      }
      const lastStderr = () => finalProcesses.map((child) => child.stderr().slice(-3000)).join('\n---\n')
      const deadline = Date.now() + 180_000
      await Promise.race([
        duplicator,
        sleep(180_000).then(async () => {
          // What the missing ones are: their records, lnd's view, and the settle cursor.
          const missing = await Promise.all(
            invoices
              .filter((invoice) => !duplicated.has(invoice.hash))
              .map(async (invoice) => ({
                hash: invoice.hash,
                record: (await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.hash))?.value,
                lnd: await getInvoice({ lnd: bob.lnd, id: invoice.hash }).then(
                  (found) => ({ confirmed: found.is_confirmed, at: found.confirmed_at, created: found.created_at }),
                  (error) => String(error),
                ),
              })),
          )
          const cursor = await store.get(CURSORS_TABLE, settleCursorKey(bob.publicKey))
          assert.fail(
            `duplicates sent for ${duplicated.size} of ${invoices.length} only: ${JSON.stringify({ missing, cursor: cursor?.value })}\nstderr of the last processes:\n${lastStderr()}`,
          )
        }),
      ])
      const allMinted = async () => {
        for (const hash of settled)
          if ((await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value.state !== 'MINTED') return false
        return true
      }
      while (!(await allMinted())) {
        if (Date.now() >= deadline) {
          // Where the unminted ones are: the record states, their journal rows, the chain's nonce.
          const states: Record<string, number> = {}
          const unminted: Array<{ hash: string; state: string | undefined; row?: unknown }> = []
          for (const hash of settled) {
            const state = (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value.state
            states[String(state)] = (states[String(state)] ?? 0) + 1
            if (state === 'MINTED') continue
            const row = (await store.get<MintJournalRow>(MINT_JOURNAL_TABLE, hash))?.value
            unminted.push({
              hash,
              state,
              row: row && { nonce: row.nonce, txHash: row.txHash, bumps: row.feeBumps.length, outcome: row.outcome },
            })
          }
          const nonces: Record<string, { latest: number; pending: number }> = {}
          for (const sender of senders)
            nonces[sender] = {
              latest: await client.getTransactionCount({ address: sender }),
              pending: await client.getTransactionCount({ address: sender, blockTag: 'pending' }),
            }
          assert.fail(
            `not every settled invoice minted in time: ${JSON.stringify({ states, nonces, unminted: unminted.slice(0, 10) })}; last processes' events: ${JSON.stringify(finalProcesses.map((child) => child.events.filter((event) => event.event !== 'received').slice(-15)))}; stderr:\n${lastStderr()}`,
          )
        }
        await sleep(500)
      }
      // Every copy of every message handled before the last service stops.
      while ((await queue.receive({ max: 1, visibilityTimeoutMs: 0 })).length > 0) {
        assert.ok(Date.now() < deadline, 'messages left in the queue')
        await sleep(500)
      }
      await afterMinted()
      for (const child of finalProcesses) await child.stop()
      const finalMs = Date.now() - killedAt

      // Exactly one mint per settled invoice, none for anything else.
      const rows = (await store.list<MintJournalRow>(MINT_JOURNAL_TABLE, { limit: 1000 })).records.map((r) => r.value)
      assert.equal(settled.size, INVOICES, 'every invoice was paid')
      assert.equal(rows.length, settled.size, 'one journal row per settled invoice')
      // Per sending key: nonces 0..n-1, each given to one payment hash, and n transactions on chain.
      let operatorTxs = 0n
      const perKey: string[] = []
      for (const sender of senders) {
        const own = rows.filter((row) => row.from.toLowerCase() === sender.toLowerCase())
        assert.ok(own.length > 0, `the sending key ${sender} minted`)
        assert.deepEqual(
          own.map((row) => Number(row.nonce)).sort((a, b) => a - b),
          Array.from({ length: own.length }, (_, index) => index),
          `${sender}: nonces 0..n-1, each given to one payment hash`,
        )
        const txs = BigInt(await client.getTransactionCount({ address: sender }))
        assert.equal(txs, BigInt(own.length), `${sender} sent exactly one transaction per invoice assigned to it`)
        operatorTxs += txs
        perKey.push(`${own.length}`)
      }
      assert.equal(
        operatorTxs,
        BigInt(settled.size),
        'the operator keys sent exactly one transaction per settled invoice',
      )
      let expectedSum = 0n
      let balanceSum = 0n
      for (const invoice of invoices) {
        const record = (await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.hash))?.value
        const row = rows.find((candidate) => candidate.paymentHash === invoice.hash)
        assert.equal(record?.state, 'MINTED')
        assert.equal(record?.receivedMsat, String(invoice.sats * 1000n))
        assert.equal(row?.outcome?.kind, 'minted')
        assert.equal(
          row?.from.toLowerCase(),
          (record?.sender ?? operator).toLowerCase(),
          'minted by the key in its record',
        )
        assert.equal(record?.mintTxHash, row?.outcome?.kind === 'minted' ? row.outcome.txHash : undefined)
        const expected = invoice.sats * 10n ** 10n
        const balance = await client.getBalance({ address: invoice.recipient })
        assert.equal(balance, expected, `the recipient of ${invoice.hash} holds exactly its mint`)
        expectedSum += expected
        balanceSum += balance
      }
      assert.equal(balanceSum, expectedSum)
      assert.deepEqual(await queue.deadLetters(), [])

      const deliveries = new Map<string, number>()
      for (const child of children)
        for (const event of child.events)
          if (event.event === 'received')
            deliveries.set(event.hash as string, (deliveries.get(event.hash as string) ?? 0) + 1)
      const perInvoice = invoices.map((invoice) => deliveries.get(invoice.hash) ?? 0)
      const fewest = Math.min(...perInvoice)
      assert.ok(fewest >= 2, `an invoice's job was delivered only ${fewest} time(s)`)
      const settleEvents = children.flatMap((child) => child.events.filter((event) => event.event === 'settled'))
      const lndDisconnects = children.reduce(
        (sum, child) =>
          sum +
          child.events.filter((event) => event.event === 'lnd-disconnected' || event.event === 'disconnected').length,
        0,
      )
      console.log(
        `      chaos ${mode} (seed ${seed}): invoices ${INVOICES}, settled ${settled.size}, payment retries ${counts.paymentRetries}, ` +
          `settle events ${settleEvents.length} (${settleEvents.filter((e) => e.via === 'reconcile').length} by the reconciler), ` +
          `duplicate jobs sent ${counts.duplicatesSent}, deliveries ${perInvoice.reduce((a, b) => a + b, 0)} (fewest per invoice ${fewest}), ` +
          `${processReport}; lnd restarts ${counts.lndRestarts} (after ${counts.settledBeforeLndRestart} settles; subscriber disconnects seen ${lndDisconnects}), RPC node restarts ${counts.rpcRestarts}; ` +
          `sending keys ${senders.length} (journal rows per key ${perKey.join(' + ')}), journal rows ${rows.length}, operator transactions ${operatorTxs}, mints ${rows.filter((row) => row.outcome?.kind === 'minted').length}, minted twice 0, lost 0, ` +
          `recipients' sum ${balanceSum} wei = expected ${expectedSum} wei; the last processes took ${(finalMs / 1000).toFixed(1)} s to finish`,
      )
      await close()
    })
  }
})
