import type { AddressInfo } from 'node:net'
import { createLogger, type Logger, type Queue, type Rational, type ReceivedMessage, type Store } from '@chainops/core'
import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { AuthenticatedLnd } from 'lightning'
import { type Address, createPublicClient, http } from 'viem'
import { createHttpServer } from '../api/createHttpServer.ts'
import type { InvoiceApiDependencies } from '../api/InvoiceApiDependencies.ts'
import { resolveMaxInvoiceExpirySeconds } from '../invoices/resolveMaxInvoiceExpirySeconds.ts'
import type { InvoiceBounds } from '../invoices/validateInvoiceRequest.ts'
import { createMintConsumerHandler } from '../lambda/createMintConsumerHandler.ts'
import { runSqsEventSource, type SqsEventSource } from '../lambda/runSqsEventSource.ts'
import { type CreateMinterParameters, createMinter } from '../minter/createMinter.ts'
import type { Minter, MinterRecovery } from '../minter/Minter.ts'
import { type MintPipeline, runMintPipeline } from '../pipeline/runMintPipeline.ts'
import type { SettleEvent } from '../settle/SettleEvent.ts'
import {
  type SettleSubscriber,
  type StartSettleSubscriberParameters,
  startSettleSubscriber,
} from '../settle/startSettleSubscriber.ts'
import type { MintWatcherStats } from '../watcher/MintWatcher.ts'
import { type RunningMintWatcher, startMintWatcher } from '../watcher/startMintWatcher.ts'
import { type IssuanceSignerKey, resolveIssuanceSignerKeys } from './resolveIssuanceSignerKeys.ts'

/**
 * - `embedded`: one process; the mint queue is consumed by `runMintPipeline` behind the
 *   single-writer lease (messages acknowledged once journaled).
 * - `aws`: the mint queue is consumed by the SQS consumer Lambda handler
 *   (`createMintConsumerHandler`, no lease: the FIFO group is the single writer, messages
 *   acknowledged once journaled and broadcast), driven here by `runSqsEventSource` as Lambda's
 *   event source mapping would drive it, and the receipt watcher (`startMintWatcher`, what the
 *   scheduled `createMintWatcherHandler` runs in AWS) driving the journaled mints to MINTED.
 * The store, queue and secrets are the caller's: node:sqlite for embedded, DynamoDB + SQS FIFO +
 * SSM for aws (`openAwsIssuanceResources` from `@chainops/lightning/aws`, so that this entry never
 * loads the AWS SDK).
 */
export type IssuanceMode = 'embedded' | 'aws'

export type StartIssuanceParameters = {
  mode: IssuanceMode
  store: Store
  queue: Queue
  lnd: {
    /** Creates invoices: the invoice macaroon (`invoices:read`, `invoices:write`). */
    invoice: AuthenticatedLnd
    /** Subscriber, reconciler, sweep and liquidity checks: the read-only macaroon. */
    readOnly: AuthenticatedLnd
    /** The lnd node's identity key (names the settle cursor). */
    nodeKey: string
  }
  /** The chain's public RPC (eth_ only) and its chain id: an RPC URL, or an ethers v6 provider (checked to be on `chainId`). */
  chain: { rpcUrl: string; chainId: number } | { provider: EthersProvider; chainId: number }
  /**
   * The operator key that sends the mints, or an ethers v6 `Wallet` holding it; or K of them
   * (sharded sending keys): one minter, nonce stream, FIFO group `mint:<sender>` and receipt
   * watcher each, every PAID invoice assigned one of them (`assignSendingKey`). K = 0 or a key
   * listed twice is `ISSUANCE_CONFIG_INVALID` naming `signerKey`. Never logged.
   */
  signerKey: IssuanceSignerKey | readonly IssuanceSignerKey[]
  /** Wei per sat, written into each invoice at creation. */
  rate: Rational
  bounds: InvoiceBounds
  /** The invoice API on node:http (default on 127.0.0.1, a free port); `false` leaves it out. */
  http?: { host?: string | undefined; port?: number | undefined } | false | undefined
  minter?:
    | (Pick<CreateMinterParameters, 'gas' | 'confirmations' | 'pollIntervalMs' | 'resendAfterMs' | 'hooks'> & {
        /** The single-writer lease TTL (default 15 s): the minter's in embedded mode, the receipt watcher's in aws mode. */
        leaseTtlMs?: number | undefined
      })
    | undefined
  subscriber?:
    | Pick<
        StartSettleSubscriberParameters,
        | 'reconcileIntervalMs'
        | 'sweepIntervalMs'
        | 'onEvent'
        | 'initialBackoffMs'
        | 'maxBackoffMs'
        | 'retry'
        /** Active/standby with other subscribers of this lnd node (default: this one is always active). */
        | 'lease'
      >
    | undefined
  consumer?:
    | {
        /** Visibility timeout of each receive (default 30 s). */
        visibilityTimeoutMs?: number | undefined
        /** Pause after an empty receive (default 50 ms). */
        idleMs?: number | undefined
        /** Embedded: a not-yet-mintable message comes back after this (default 5 s). */
        retryDelayMs?: number | undefined
        /** Called with every message received (tests count deliveries). */
        onReceive?: ((message: ReceivedMessage) => void) | undefined
      }
    | undefined
  logger?: Logger | undefined
}

export type Issuance = {
  readonly mode: IssuanceMode
  /** The first sending key's address (with one key, the one that sends every mint; the queue group is `mint:<sender>`). */
  readonly sender: Address
  /** Every sending key's address, in the order given (K keys). */
  readonly senders: readonly Address[]
  /** `http://host:port` of the invoice API, when it was started. */
  readonly url: string | undefined
  /** What the invoice API runs on: hand them to `createInvoiceApiHandler` for an API Gateway handler. */
  readonly apiDependencies: InvoiceApiDependencies
  /** Embedded mode: what the first key's minter recovered at start. */
  readonly recovery: MinterRecovery | undefined
  /** The first key's minter. */
  readonly minter: Minter
  /** One minter per sending key, in the order of `senders`. */
  readonly minters: readonly Minter[]
  /** AWS mode: the in-process receipt watcher of the first sending key (`startMintWatcher`). */
  readonly watcher: RunningMintWatcher | undefined
  /** AWS mode: one receipt watcher per sending key (each behind its key's lease); empty in embedded mode. */
  readonly watchers: readonly RunningMintWatcher[]
  readonly subscriber: SettleSubscriber
  stats(): {
    consumer: Record<string, number>
    minter: ReturnType<Minter['stats']>
    watcher: MintWatcherStats | undefined
    /** Per sending key: its minter's and (AWS mode) its watcher's counters. */
    keys: Array<{ sender: Address; minter: ReturnType<Minter['stats']>; watcher: MintWatcherStats | undefined }>
  }
  /** Stops the API, the subscriber, the consumer and the minter, in that order (the store and queue stay open). */
  stop(): Promise<void>
}

/**
 * Starts the whole invoice-to-mint service in one process: the invoice API, the settle subscriber
 * (with its reconciler and expiry sweep), and the mint consumer of the chosen mode over one
 * single-writer minter. `chainops serve` and the demo run on it.
 */
export async function startIssuance(parameters: StartIssuanceParameters): Promise<Issuance> {
  const { mode, store, queue, lnd, chain, rate, bounds } = parameters
  // Checked before anything starts: createInvoice and the reconciler's window both rely on it.
  const maxInvoiceExpirySeconds = resolveMaxInvoiceExpirySeconds(
    bounds.maxInvoiceExpirySeconds,
    'ISSUANCE_CONFIG_INVALID',
  )
  const signerKeys = resolveIssuanceSignerKeys(parameters.signerKey)
  const logger = parameters.logger ?? createLogger({ level: 'info' })
  const consumer = parameters.consumer ?? {}
  const client =
    'provider' in chain
      ? toViemClient(chain.provider, { chainId: chain.chainId })
      : createPublicClient({
          transport: http(chain.rpcUrl, {
            batch: { batchSize: 500, wait: 0 },
            retryCount: 2,
            retryDelay: 200,
            timeout: 10_000,
          }),
        })
  // What a key's minter and its receipt watcher are both given: the store, the chain and how to
  // send and watch from that key.
  const keyDriving = (signerKey: (typeof signerKeys)[number]) => ({
    store,
    client,
    signerKey,
    chainId: chain.chainId,
    ...(parameters.minter?.gas ? { gas: parameters.minter.gas } : {}),
    confirmations: parameters.minter?.confirmations,
    pollIntervalMs: parameters.minter?.pollIntervalMs,
    resendAfterMs: parameters.minter?.resendAfterMs,
    logger,
  })
  const minters = signerKeys.map((signerKey) =>
    createMinter({
      ...keyDriving(signerKey),
      hooks: parameters.minter?.hooks,
      lease: mode === 'aws' ? false : { ttlMs: parameters.minter?.leaseTtlMs },
      // AWS mode: the consumer acknowledges once journaled and sent; the receipt watcher finishes the mints.
      watch: mode !== 'aws',
    }),
  )
  const minter = minters[0] as Minter
  const senders = minters.map((each) => each.address)

  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined)
  }
  try {
    let recovery: MinterRecovery | undefined
    let pipeline: MintPipeline | undefined
    let eventSource: SqsEventSource | undefined
    const watchers: RunningMintWatcher[] = []
    if (mode === 'embedded') {
      for (const each of minters) {
        const recovered = await each.start()
        recovery ??= recovered
        stops.push(() => each.stop())
      }
      pipeline = runMintPipeline({
        queue,
        minter: minters.length === 1 ? minter : minters,
        logger,
        visibilityTimeoutMs: consumer.visibilityTimeoutMs,
        idleMs: consumer.idleMs,
        retryDelayMs: consumer.retryDelayMs,
        onReceive: consumer.onReceive,
      })
      const running = pipeline
      stops.push(() => running.stop())
    } else {
      // The handler starts the minters on its first event, as a Lambda does at its first invocation.
      for (const each of minters) stops.push(() => each.stop())
      // The receipt watchers the scheduled Lambdas would run (one per key), in-process on a timer
      // (active/standby by each key's lease).
      for (const signerKey of signerKeys) {
        const running = startMintWatcher({ ...keyDriving(signerKey), lease: { ttlMs: parameters.minter?.leaseTtlMs } })
        watchers.push(running)
        stops.push(() => running.stop())
      }
      const handler = createMintConsumerHandler({ minter: minters.length === 1 ? minter : minters, queue, logger })
      eventSource = runSqsEventSource({
        queue,
        handler,
        visibilityTimeoutMs: consumer.visibilityTimeoutMs,
        idleMs: consumer.idleMs,
        onBatch: (messages) => {
          for (const message of messages) consumer.onReceive?.(message)
        },
        logger,
      })
      const source = eventSource
      stops.push(() => source.stop())
    }

    const onEvent = parameters.subscriber?.onEvent
    const subscriber = startSettleSubscriber({
      ...parameters.subscriber,
      onEvent: (event) => {
        logSettleEvent(logger, event)
        onEvent?.(event)
      },
      lnd: lnd.readOnly,
      store,
      queue,
      nodeKey: lnd.nodeKey,
      sender: senders.length === 1 ? minter.address : senders,
      maxInvoiceExpirySeconds,
    })
    stops.push(() => subscriber.stop())

    const apiDependencies: InvoiceApiDependencies = {
      lnd: lnd.invoice,
      liquidityLnd: lnd.readOnly,
      store,
      bounds,
      rate,
      logger,
    }
    let url: string | undefined
    if (parameters.http !== false) {
      const host = parameters.http?.host ?? '127.0.0.1'
      const server = createHttpServer(apiDependencies)
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(parameters.http ? (parameters.http.port ?? 0) : 0, host, () => resolve())
      })
      const { port } = server.address() as AddressInfo
      url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
      stops.push(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          }),
      )
    }
    logger.info('issuance started', { mode, sender: minter.address, senders, url })

    return {
      mode,
      sender: minter.address,
      senders,
      url,
      apiDependencies,
      recovery,
      minter,
      minters,
      watcher: watchers[0],
      watchers,
      subscriber,
      stats: () => ({
        consumer: (pipeline?.stats() ?? eventSource?.stats() ?? {}) as Record<string, number>,
        minter: minter.stats(),
        watcher: watchers[0]?.stats(),
        keys: minters.map((each, index) => ({
          sender: each.address,
          minter: each.stats(),
          watcher: watchers[index]?.stats(),
        })),
      }),
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}

/** One structured line per settle event: the operator's trail of what was paid, swept, or lost contact. */
function logSettleEvent(logger: Logger, event: SettleEvent): void {
  switch (event.type) {
    case 'settled':
      logger.info('invoice settled', {
        paymentHash: event.paymentHash,
        settleIndex: event.settleIndex.toString(),
        via: event.via,
        result: event.result.outcome,
      })
      return
    case 'swept':
      logger.info('invoice closed unpaid', { paymentHash: event.paymentHash, state: event.state })
      return
    case 'subscribed':
      logger.info('settle subscription open', { cursor: event.cursor.toString() })
      return
    case 'reconciled':
      if (event.found > 0)
        logger.info('reconciler found settles', { cursor: event.cursor.toString(), found: event.found })
      return
    case 'disconnected':
      logger.warn('settle subscription lost; resubscribing', {
        attempt: event.attempt,
        retryInMs: event.retryInMs,
        reason: event.reason,
      })
      return
    case 'lnd_unreachable':
      logger.error('lnd unreachable; still retrying', { attempt: event.attempt, error: event.error })
      return
    case 'lease_acquired':
      logger.info('settle lease taken; this subscriber is active', { holder: event.holder })
      return
    case 'lease_lost':
      logger.warn('settle lease lost; this subscriber is a standby', { holder: event.holder, reason: event.reason })
      return
  }
}
