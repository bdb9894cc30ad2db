import { createLogger, isChainopsError, type Logger, type Secret, type Store } from '@chainops/core'
import { type Address, type Client, type Hex, keccak256, numberToHex } from 'viem'
import { LightningError } from '../errors/LightningError.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../invoices/InvoiceRecord.ts'
import { acquireMinterLease, type MinterLease } from './acquireMinterLease.ts'
import { bumpedFees } from './bumpedFees.ts'
import { classifyBroadcastError } from './classifyBroadcastError.ts'
import { createTransactionSigner } from './createTransactionSigner.ts'
import { feesFor } from './feesFor.ts'
import { journalFeeBump } from './journalFeeBump.ts'
import { journalMints } from './journalMints.ts'
import { listMintJournal } from './listMintJournal.ts'
import type { MinterGasSettings, MintFees } from './MinterGasSettings.ts'
import {
  MINT_JOURNAL_TABLE,
  type MintJournalOutcome,
  type MintJournalRow,
  type MintTxVariant,
  NONCES_TABLE,
} from './MintJournalRow.ts'
import { type ChainReceipt, parseChainReceipt, type RawReceipt } from './parseChainReceipt.ts'
import { planNextNonce } from './planNextNonce.ts'
import { readMintableInvoice } from './readMintableInvoice.ts'
import { type MintOutcomeWrite, recordMintOutcome } from './recordMintOutcome.ts'
import { rpcRequest } from './rpcRequest.ts'

/** Test seams at the two crash points that matter: after the journal commit, after the broadcast. */
export type MinterHooks = {
  afterJournal?: ((rows: readonly MintJournalRow[]) => Promise<void> | void) | undefined
  afterBroadcast?: ((rows: readonly MintJournalRow[]) => Promise<void> | void) | undefined
}

export type CreateMinterParameters = {
  store: Store
  /** A viem client over the chain's public RPC (eth_ only); transactions are signed locally and sent raw. */
  client: Client
  /** The operator key that sends the mints; never logged. */
  signerKey: Secret<Hex>
  chainId: number
  gas?: MinterGasSettings | undefined
  /** Blocks on top of the including one before a mint counts as MINTED: default 0. */
  confirmations?: number | undefined
  /** How often the chain is polled for new blocks: default 250 ms. */
  pollIntervalMs?: number | undefined
  /** A mint the node's pool lacks is sent again at most this often: default 3000 ms. */
  resendAfterMs?: number | undefined
  /** The single-writer lease (default 15 s TTL); `false` where the queue already serialises writers (an SQS FIFO group feeding a Lambda). */
  lease?: false | { ttlMs?: number | undefined } | undefined
  /** Worker threads that sign (default 0: on the event loop); see `createTransactionSigner`. */
  signerThreads?: number | undefined
  /** Mints signed per store transaction: default 40 (with the nonce row, within DynamoDB's 100 writes). */
  journalChunkSize?: number | undefined
  logger?: Logger | undefined
  hooks?: MinterHooks | undefined
}

/** What `submit` made of one payment hash. */
export type MintSubmission =
  /** Already MINTED: the message can go. */
  | { paymentHash: string; status: 'minted'; txHash: string | undefined; block: string | undefined }
  /** Journaled (now or earlier) and being driven to MINTED by this minter: see `whenSettled`. */
  | { paymentHash: string; status: 'tracked'; nonce: bigint; txHash: Hex }
  /** Not mintable yet (no record, not PAID yet): deliver again later. */
  | { paymentHash: string; status: 'retry'; reason: string }
  /** Never mintable (expired, cancelled, malformed record, reverted or conflicting mint): dead-letter. */
  | { paymentHash: string; status: 'dead'; code: string; reason: string }

/** How a tracked mint ended. */
export type MintOutcome =
  | { paymentHash: string; status: 'minted'; txHash: Hex; block: bigint }
  | { paymentHash: string; status: 'failed'; code: 'MINT_REVERTED' | 'MINT_NONCE_CONFLICT'; reason: string }

export type MinterStats = {
  journaled: number
  broadcasts: number
  rebroadcasts: number
  feeBumps: number
  minted: number
  failed: number
  inFlight: number
  nextNonce: bigint
  lastScannedBlock: bigint
}

export type MinterRecovery = {
  /** Open journal rows found at start. */
  open: number
  /** Of those, already mined (receipt found) and now recorded. */
  settled: number
  /** Of those, rebroadcast and tracked again. */
  resumed: number
  nextNonce: bigint
}

export type Minter = {
  readonly address: Address
  /** Takes the lease, recovers every open journal row (receipt or rebroadcast), plans the next nonce and starts watching blocks. */
  start(): Promise<MinterRecovery>
  /**
   * Journals (allocating nonces in the same store transaction) and broadcasts a mint for each PAID
   * hash without one; a hash already journaled is tracked and its same raw transaction sent again.
   * Resolves once the journal rows are committed; broadcasts finish in the background.
   */
  submit(paymentHashes: readonly string[]): Promise<MintSubmission[]>
  /** Resolves when a tracked (or recently settled) mint has an outcome. */
  whenSettled(paymentHash: string): Promise<MintOutcome>
  /** Resolves once every broadcast started so far has been answered. */
  flush(): Promise<void>
  stats(): MinterStats
  /** Stops watching and releases the lease; journal rows stay for the next start. */
  stop(): Promise<void>
}

type Job = {
  paymentHash: string
  to: Address
  valueWei: bigint
  nonce: bigint
  gas: bigint
  variants: MintTxVariant[]
  lastSentAt: number
  /** A broadcast of it is waiting for the node's answer. */
  sending: boolean
  signedAtBlock: bigint
  waiters: Array<(outcome: MintOutcome) => void>
}

const HASH = /^[0-9a-f]{64}$/
const RECENT_LIMIT = 20_000

function invalid(details: string): LightningError {
  return new LightningError({ code: 'MINT_INVALID_PARAMETERS', shortMessage: 'Invalid minter parameters', details })
}

function currentVariant(job: Job): MintTxVariant {
  return job.variants[job.variants.length - 1] as MintTxVariant
}

function rowOf(job: Job, from: Address): MintJournalRow {
  const first = job.variants[0] as MintTxVariant
  return {
    paymentHash: job.paymentHash,
    from,
    to: job.to,
    valueWei: job.valueWei.toString(),
    nonce: job.nonce.toString(),
    gas: job.gas.toString(),
    rawTx: first.rawTx,
    txHash: first.txHash,
    maxFeePerGas: first.maxFeePerGas,
    maxPriorityFeePerGas: first.maxPriorityFeePerGas,
    createdAt: first.at,
    feeBumps: job.variants.slice(1),
  }
}

function jobOf(row: MintJournalRow, signedAtBlock: bigint): Job {
  return {
    paymentHash: row.paymentHash,
    to: row.to,
    valueWei: BigInt(row.valueWei),
    nonce: BigInt(row.nonce),
    gas: BigInt(row.gas),
    variants: [
      {
        rawTx: row.rawTx,
        txHash: row.txHash,
        maxFeePerGas: row.maxFeePerGas,
        maxPriorityFeePerGas: row.maxPriorityFeePerGas,
        at: row.createdAt,
      },
      ...row.feeBumps,
    ],
    lastSentAt: 0,
    sending: false,
    signedAtBlock,
    waiters: [],
  }
}

/**
 * The single writer of one sending key. For each PAID invoice it allocates a nonce and journals
 * `{hash, nonce, rawTx, txHash}` in one store transaction, and only then broadcasts; a hash that
 * has a journal row is never signed again at another nonce (a retry sends the same raw transaction,
 * or a fee bump of the same nonce, journaled first). Mints are pipelined: many journaled
 * transactions with consecutive nonces are in the pool at once, and a block watcher confirms them
 * from each block's receipts, writing PAID -> MINTED with the transaction hash and block.
 *
 * Crashes: between the journal commit and the broadcast, or between the broadcast and the receipt,
 * the next `start()` finds the open journal row, looks its receipts up and rebroadcasts what is not
 * mined. The node's answers "already known" and "nonce too low" on such a rebroadcast are resolved
 * by the journaled transaction's receipt. See `planNextNonce` for why the next nonce is safe.
 */
export function createMinter(parameters: CreateMinterParameters): Minter {
  const { store, client, signerKey, chainId } = parameters
  if (!Number.isSafeInteger(chainId) || chainId < 1) throw invalid('chainId must be a positive integer')
  const gasSettings = parameters.gas ?? {}
  const gas = gasSettings.gas ?? 21_000n
  const confirmations = BigInt(parameters.confirmations ?? 0)
  const pollIntervalMs = parameters.pollIntervalMs ?? 250
  const resendAfterMs = parameters.resendAfterMs ?? 3000
  const bumpAfterBlocks = BigInt(gasSettings.bumpAfterBlocks ?? 3)
  const chunkSize = parameters.journalChunkSize ?? 40
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > 99)
    throw invalid('journalChunkSize is a whole number from 1 to 99')
  const leaseTtlMs = parameters.lease === false ? undefined : (parameters.lease?.ttlMs ?? 15_000)
  const hooks = parameters.hooks ?? {}
  const signer = createTransactionSigner({ key: signerKey, threads: parameters.signerThreads })
  const address = signer.address
  const sender = address.toLowerCase()
  const logger = (parameters.logger ?? createLogger({ level: 'warn' })).child({ component: 'minter', address })

  const jobs = new Map<string, Job>()
  const byTxHash = new Map<string, Job>()
  const recent = new Map<string, MintOutcome>()
  const broadcasts = new Set<Promise<void>>()
  const stats = { journaled: 0, broadcasts: 0, rebroadcasts: 0, feeBumps: 0, minted: 0, failed: 0 }
  let nonceNext = 0n
  let nonceVersion: number | undefined
  let lastScanned = 0n
  let baseFee = 1_000_000_000n
  let started = false
  let stopped = false
  let lease: MinterLease | undefined
  let timer: NodeJS.Timeout | undefined
  let leaseTimer: NodeJS.Timeout | undefined
  let ticking: Promise<void> = Promise.resolve()
  let serial: Promise<unknown> = Promise.resolve()

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = serial.then(fn, fn)
    serial = run.catch(() => undefined)
    return run
  }

  const track = (job: Job) => {
    jobs.set(job.paymentHash, job)
    for (const variant of job.variants) byTxHash.set(variant.txHash.toLowerCase(), job)
  }

  const settle = (job: Job, outcome: MintOutcome) => {
    jobs.delete(job.paymentHash)
    for (const variant of job.variants) byTxHash.delete(variant.txHash.toLowerCase())
    recent.set(job.paymentHash, outcome)
    if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string)
    if (outcome.status === 'minted') {
      stats.minted++
      logger.info('minted', {
        paymentHash: job.paymentHash,
        nonce: job.nonce.toString(),
        txHash: outcome.txHash,
        block: outcome.block.toString(),
      })
    } else {
      stats.failed++
      logger.warn('mint failed', { paymentHash: job.paymentHash, code: outcome.code, reason: outcome.reason })
    }
    for (const resolve of job.waiters.splice(0)) resolve(outcome)
  }

  /** Signs one variant per job, all at `fees` (in parallel when the signer has threads). */
  const sign = async (batch: ReadonlyArray<Omit<Job, 'variants'>>, fees: MintFees): Promise<MintTxVariant[]> => {
    const raws = await signer.sign(
      batch.map((job) => ({
        type: 'eip1559' as const,
        chainId,
        nonce: Number(job.nonce),
        to: job.to,
        value: job.valueWei,
        gas: job.gas,
        maxFeePerGas: fees.maxFeePerGas,
        maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
      })),
    )
    const at = new Date().toISOString()
    return raws.map((rawTx) => ({
      rawTx,
      txHash: keccak256(rawTx),
      maxFeePerGas: fees.maxFeePerGas.toString(),
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString(),
      at,
    }))
  }

  /** Looks the receipts of every variant up; resolves to the one found, if any. */
  const findReceipt = async (job: Job): Promise<ChainReceipt | undefined> => {
    for (const variant of job.variants) {
      const raw = await rpcRequest<RawReceipt | null>(client, 'eth_getTransactionReceipt', [variant.txHash])
      if (raw) return parseChainReceipt(raw)
    }
    return undefined
  }

  const outcomeOf = (job: Job, receipt: ChainReceipt): { write: MintOutcomeWrite; outcome: MintOutcome } => {
    const at = new Date().toISOString()
    const fields = {
      txHash: receipt.transactionHash,
      block: receipt.blockNumber.toString(),
      gasUsed: receipt.gasUsed.toString(),
      effectiveGasPrice: receipt.effectiveGasPrice.toString(),
      at,
    }
    if (receipt.status === 'success')
      return {
        write: { paymentHash: job.paymentHash, outcome: { kind: 'minted', ...fields } },
        outcome: {
          paymentHash: job.paymentHash,
          status: 'minted',
          txHash: receipt.transactionHash,
          block: receipt.blockNumber,
        },
      }
    const reason = `the mint transaction ${receipt.transactionHash} reverted in block ${receipt.blockNumber}`
    return {
      write: { paymentHash: job.paymentHash, outcome: { kind: 'reverted', ...fields } },
      outcome: { paymentHash: job.paymentHash, status: 'failed', code: 'MINT_REVERTED', reason },
    }
  }

  const conflictOf = (job: Job, details: string): { write: MintOutcomeWrite; outcome: MintOutcome } => {
    const outcome: MintJournalOutcome = { kind: 'conflict', detectedAt: new Date().toISOString(), details }
    return {
      write: { paymentHash: job.paymentHash, outcome },
      outcome: { paymentHash: job.paymentHash, status: 'failed', code: 'MINT_NONCE_CONFLICT', reason: details },
    }
  }

  /** Records outcomes, then settles the jobs (a crash in between only repeats the receipt lookup). */
  const finish = async (results: Array<{ job: Job; write: MintOutcomeWrite; outcome: MintOutcome }>) => {
    if (results.length === 0) return
    await recordMintOutcome({ store, writes: results.map((result) => result.write) })
    for (const { job, outcome } of results) {
      if (outcome.status === 'failed')
        logger.error('mint failed; the payment needs an operator', {
          paymentHash: job.paymentHash,
          code: outcome.code,
          reason: outcome.reason,
        })
      settle(job, outcome)
    }
  }

  const resolveByReceipt = async (candidates: readonly Job[], chainLatestNonce: bigint | undefined) => {
    const results: Array<{ job: Job; write: MintOutcomeWrite; outcome: MintOutcome }> = []
    for (let start = 0; start < candidates.length; start += 50) {
      const slice = candidates.slice(start, start + 50)
      const found = await Promise.all(slice.map(findReceipt))
      slice.forEach((job, index) => {
        if (!jobs.has(job.paymentHash)) return
        const receipt = found[index]
        if (receipt) results.push({ job, ...outcomeOf(job, receipt) })
        else if (chainLatestNonce !== undefined && job.nonce < chainLatestNonce)
          results.push({
            job,
            ...conflictOf(
              job,
              `nonce ${job.nonce} of ${address} was used by a transaction that is not in this mint's journal row; it was never minted (never re-sign it at a new nonce without an operator's decision)`,
            ),
          })
      })
    }
    await finish(results)
  }

  const send = (batch: readonly Job[], kind: 'first' | 'again'): Promise<void> => {
    if (batch.length === 0) return Promise.resolve()
    const now = Date.now()
    for (const job of batch) {
      job.lastSentAt = now
      job.sending = true
    }
    const run = (async () => {
      const answers = await Promise.allSettled(
        batch.map((job) => rpcRequest<Hex>(client, 'eth_sendRawTransaction', [currentVariant(job).rawTx])),
      )
      const answeredAt = Date.now()
      for (const job of batch) {
        job.sending = false
        job.lastSentAt = answeredAt
      }
      const check: Job[] = []
      const unavailable: Job[] = []
      answers.forEach((answer, index) => {
        const job = batch[index] as Job
        if (kind === 'first') stats.broadcasts++
        else stats.rebroadcasts++
        if (answer.status === 'fulfilled') return
        const failure = classifyBroadcastError(answer.reason)
        if (failure === 'known' || failure === 'underpriced') return
        if (failure === 'nonceTooLow') check.push(job)
        else if (failure === 'unavailable') {
          job.lastSentAt = 0
          unavailable.push(job)
        } else
          logger.error('the node refused a journaled mint; it is sent again later', {
            paymentHash: job.paymentHash,
            nonce: job.nonce.toString(),
            error: answer.reason,
          })
      })
      if (unavailable.length > 0)
        logger.warn('broadcast failed; the mints stay journaled and are sent again', {
          count: unavailable.length,
          nonces: `${unavailable[0]?.nonce}..${unavailable[unavailable.length - 1]?.nonce}`,
          error: answers.find((answer) => answer.status === 'rejected')?.reason,
        })
      if (check.length > 0) {
        const latest = BigInt(await rpcRequest<Hex>(client, 'eth_getTransactionCount', [address, 'latest']))
        await resolveByReceipt(check, latest)
      }
      if (hooks.afterBroadcast) await hooks.afterBroadcast(batch.map((job) => rowOf(job, address)))
    })().catch((error) => {
      for (const job of batch) {
        job.sending = false
        job.lastSentAt = 0
      }
      logger.warn('broadcast round failed; the mints stay journaled', { error })
    })
    broadcasts.add(run)
    void run.finally(() => broadcasts.delete(run))
    return run
  }

  const refreshBaseFee = async () => {
    const block = await rpcRequest<{ baseFeePerGas?: Hex } | null>(client, 'eth_getBlockByNumber', ['latest', false])
    if (block?.baseFeePerGas) baseFee = BigInt(block.baseFeePerGas)
  }

  const scanBlock = async (number: bigint): Promise<void> => {
    const raws = await rpcRequest<RawReceipt[] | null>(client, 'eth_getBlockReceipts', [numberToHex(number)])
    const results: Array<{ job: Job; write: MintOutcomeWrite; outcome: MintOutcome }> = []
    for (const raw of raws ?? []) {
      if (raw.from.toLowerCase() !== sender) continue
      const job = byTxHash.get(raw.transactionHash.toLowerCase())
      if (job && jobs.get(job.paymentHash) === job) results.push({ job, ...outcomeOf(job, parseChainReceipt(raw)) })
    }
    await finish(results)
  }

  const housekeeping = async (head: bigint) => {
    if (jobs.size === 0) return
    const [pendingHex, scannedHex] = await Promise.all([
      rpcRequest<Hex>(client, 'eth_getTransactionCount', [address, 'pending']),
      rpcRequest<Hex>(client, 'eth_getTransactionCount', [address, numberToHex(lastScanned)]),
    ])
    const pending = BigInt(pendingHex)
    const minedThrough = BigInt(scannedHex)
    const open = [...jobs.values()].sort((a, b) => (a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0))
    // Nonces the chain used by the last scanned block whose mint no scanned receipt matched.
    const displaced = open.filter((job) => job.nonce < minedThrough)
    if (displaced.length > 0) await resolveByReceipt(displaced, minedThrough)
    // The pool lacks our nonces from `pending` on (a restarted node, a dropped transaction).
    const now = Date.now()
    const lost = open.filter(
      (job) =>
        jobs.has(job.paymentHash) && !job.sending && job.nonce >= pending && now - job.lastSentAt >= resendAfterMs,
    )
    if (lost.length > 0) void send(lost.slice(0, 1000), 'again')
    // Fee caps the base fee has overtaken: re-sign the same nonce higher, journal, then send.
    const stuck = open.filter(
      (job) =>
        jobs.has(job.paymentHash) &&
        BigInt(currentVariant(job).maxFeePerGas) < baseFee &&
        head >= job.signedAtBlock + bumpAfterBlocks,
    )
    const bumped: Job[] = []
    for (const job of stuck.slice(0, 200)) {
      const current = currentVariant(job)
      const fees = bumpedFees(
        { maxFeePerGas: BigInt(current.maxFeePerGas), maxPriorityFeePerGas: BigInt(current.maxPriorityFeePerGas) },
        baseFee,
        gasSettings,
      )
      if (!fees) continue
      const [variant] = await sign([job], fees)
      if (!variant) continue
      if (!(await journalFeeBump(store, job.paymentHash, variant))) continue
      job.variants.push(variant)
      job.signedAtBlock = head
      byTxHash.set(variant.txHash.toLowerCase(), job)
      stats.feeBumps++
      bumped.push(job)
    }
    if (bumped.length > 0) void send(bumped, 'again')
  }

  const tick = async () => {
    const head = BigInt(await rpcRequest<Hex>(client, 'eth_blockNumber', []))
    const target = head - confirmations
    if (target <= lastScanned) return
    await refreshBaseFee()
    for (let number = lastScanned + 1n; number <= target && number <= lastScanned + 50n; number++) {
      await scanBlock(number)
      lastScanned = number
    }
    await housekeeping(head)
  }

  const schedule = () => {
    if (stopped) return
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error) => logger.warn('block watcher round failed; retrying', { error }))
        .finally(schedule)
    }, pollIntervalMs)
  }

  const assertRunning = () => {
    if (stopped) throw new LightningError({ code: 'MINT_STOPPED', shortMessage: 'The minter was stopped' })
    if (!started)
      throw new LightningError({ code: 'MINT_NOT_STARTED', shortMessage: 'The minter has not been started' })
  }

  const submitLocked = async (hashes: readonly string[]): Promise<Map<string, MintSubmission>> => {
    const results = new Map<string, MintSubmission>()
    const fresh: string[] = []
    for (const hash of new Set(hashes)) {
      const job = jobs.get(hash)
      const done = recent.get(hash)
      if (job)
        results.set(hash, {
          paymentHash: hash,
          status: 'tracked',
          nonce: job.nonce,
          txHash: currentVariant(job).txHash,
        })
      else if (done?.status === 'minted')
        results.set(hash, { paymentHash: hash, status: 'minted', txHash: done.txHash, block: done.block.toString() })
      else if (done) results.set(hash, { paymentHash: hash, status: 'dead', code: done.code, reason: done.reason })
      else fresh.push(hash)
    }
    const records = await Promise.all(fresh.map((hash) => store.get<InvoiceRecord>(INVOICES_TABLE, hash)))
    const mintable: Array<{ paymentHash: string; to: Address; valueWei: bigint }> = []
    fresh.forEach((hash, index) => {
      const invoice = readMintableInvoice(hash, records[index])
      if (invoice.kind === 'minted')
        results.set(hash, { paymentHash: hash, status: 'minted', txHash: invoice.txHash, block: invoice.block })
      else if (invoice.kind === 'wait')
        results.set(hash, { paymentHash: hash, status: 'retry', reason: invoice.reason })
      else if (invoice.kind === 'refuse')
        results.set(hash, { paymentHash: hash, status: 'dead', code: invoice.code, reason: invoice.reason })
      else mintable.push(invoice)
    })

    const adopted: Job[] = []
    const adopt = (hash: string, row: MintJournalRow) => {
      if (row.from.toLowerCase() !== sender) {
        results.set(hash, {
          paymentHash: hash,
          status: 'dead',
          code: 'MINT_NONCE_CONFLICT',
          reason: `journaled by another sending key ${row.from}`,
        })
      } else if (row.outcome?.kind === 'minted') {
        results.set(hash, { paymentHash: hash, status: 'minted', txHash: row.outcome.txHash, block: row.outcome.block })
      } else if (row.outcome) {
        const code = row.outcome.kind === 'reverted' ? 'MINT_REVERTED' : 'MINT_NONCE_CONFLICT'
        results.set(hash, {
          paymentHash: hash,
          status: 'dead',
          code,
          reason: `the journaled mint ended ${row.outcome.kind}`,
        })
      } else {
        const job = jobOf(row, lastScanned)
        track(job)
        adopted.push(job)
        results.set(hash, {
          paymentHash: hash,
          status: 'tracked',
          nonce: job.nonce,
          txHash: currentVariant(job).txHash,
        })
      }
    }

    const journal = await Promise.all(
      mintable.map((invoice) => store.get<MintJournalRow>(MINT_JOURNAL_TABLE, invoice.paymentHash)),
    )
    let toJournal = mintable.filter((invoice, index) => {
      const row = journal[index]
      if (row) adopt(invoice.paymentHash, row.value)
      return !row
    })

    const created: Job[] = []
    for (let attempt = 1; toJournal.length > 0; attempt++) {
      const chunk = toJournal.slice(0, chunkSize)
      const fees = feesFor(baseFee, gasSettings)
      const signedAtBlock = lastScanned
      const bases = chunk.map((invoice, index) => ({
        paymentHash: invoice.paymentHash,
        to: invoice.to,
        valueWei: invoice.valueWei,
        nonce: nonceNext + BigInt(index),
        gas,
        lastSentAt: 0,
        sending: false,
        signedAtBlock,
        waiters: [],
      }))
      const signed = await sign(bases, fees)
      const chunkJobs: Job[] = bases.map((base, index) => ({ ...base, variants: [signed[index] as MintTxVariant] }))
      const rows = chunkJobs.map((job) => rowOf(job, address))
      try {
        nonceVersion = await journalMints({
          store,
          from: address,
          nonceVersion,
          next: nonceNext + BigInt(chunk.length),
          rows,
        })
      } catch (error) {
        if (!isChainopsError(error, 'STORE_CONDITION_FAILED') || attempt >= 5) throw error
        // Another writer moved the nonce or journaled one of these hashes: reread both, then redo.
        const stored = await store.get<{ next: string }>(NONCES_TABLE, address)
        if (stored) {
          nonceVersion = stored.version
          if (BigInt(stored.value.next) > nonceNext) nonceNext = BigInt(stored.value.next)
        }
        const again = await Promise.all(
          chunk.map((invoice) => store.get<MintJournalRow>(MINT_JOURNAL_TABLE, invoice.paymentHash)),
        )
        const stillNew = new Set(chunk.filter((_, index) => !again[index]).map((invoice) => invoice.paymentHash))
        chunk.forEach((invoice, index) => {
          const row = again[index]
          if (row) adopt(invoice.paymentHash, row.value)
        })
        toJournal = toJournal.filter((invoice) => stillNew.has(invoice.paymentHash) || !chunk.includes(invoice))
        continue
      }
      nonceNext += BigInt(chunk.length)
      stats.journaled += chunk.length
      for (const job of chunkJobs) {
        track(job)
        created.push(job)
        results.set(job.paymentHash, {
          paymentHash: job.paymentHash,
          status: 'tracked',
          nonce: job.nonce,
          txHash: currentVariant(job).txHash,
        })
      }
      if (hooks.afterJournal) await hooks.afterJournal(rows)
      toJournal = toJournal.slice(chunk.length)
      attempt = 0
    }
    void send(created, 'first')
    void send(adopted, 'again')
    return results
  }

  return {
    address,

    async start() {
      if (started || stopped) throw invalid('start() is called once')
      try {
        if (leaseTtlMs !== undefined) {
          lease = await acquireMinterLease({ store, key: address, ttlMs: leaseTtlMs })
          leaseTimer = setInterval(
            () => {
              lease?.renew().catch((error) => {
                logger.error('lost the minter lease; stopping', { error })
                void this.stop()
              })
            },
            Math.max(100, Math.floor(leaseTtlMs / 3)),
          )
        }
        const head = BigInt(await rpcRequest<Hex>(client, 'eth_blockNumber', []))
        lastScanned = head > confirmations ? head - confirmations : 0n
        await refreshBaseFee()
        // The nonce used on chain by the block from which the watcher takes over: read before the receipts.
        const [latestHex, pendingHex, stored, rows] = await Promise.all([
          rpcRequest<Hex>(client, 'eth_getTransactionCount', [address, numberToHex(lastScanned)]),
          rpcRequest<Hex>(client, 'eth_getTransactionCount', [address, 'pending']),
          store.get<{ next: string }>(NONCES_TABLE, address),
          listMintJournal(store, address),
        ])
        const chainLatestNonce = BigInt(latestHex)
        const plan = planNextNonce({
          storedNext: stored ? BigInt(stored.value.next) : undefined,
          chainLatestNonce,
          chainPendingNonce: BigInt(pendingHex),
          journalNonces: rows.map((row) => BigInt(row.nonce)),
        })
        nonceNext = plan.next
        nonceVersion = stored?.version
        if (plan.changed) {
          const value = { next: plan.next.toString() }
          nonceVersion =
            stored === undefined
              ? await store.putIfAbsent(NONCES_TABLE, address, value)
              : await store.compareAndSet(NONCES_TABLE, address, stored.version, value)
        }
        const open = rows.filter((row) => row.outcome === undefined)
        for (const row of open) track(jobOf(row, lastScanned))
        const opened = [...jobs.values()]
        await resolveByReceipt(opened, chainLatestNonce)
        const resumed = [...jobs.values()].sort((a, b) => (a.nonce < b.nonce ? -1 : 1))
        started = true
        for (let start = 0; start < resumed.length; start += 500) await send(resumed.slice(start, start + 500), 'again')
        schedule()
        const recovery = {
          open: open.length,
          settled: open.length - resumed.length,
          resumed: resumed.length,
          nextNonce: nonceNext,
        }
        logger.info('minter started', { ...recovery, nextNonce: nonceNext.toString() })
        return recovery
      } catch (error) {
        // Nothing half-started stays behind: a later start() (the Lambda's next event) begins afresh.
        if (leaseTimer) clearInterval(leaseTimer)
        await lease?.release()
        lease = undefined
        throw error
      }
    },

    async submit(paymentHashes) {
      assertRunning()
      for (const hash of paymentHashes)
        if (typeof hash !== 'string' || !HASH.test(hash)) throw invalid('a payment hash is 64 lowercase hex characters')
      const results = await exclusive(() => submitLocked(paymentHashes))
      return paymentHashes.map((hash) => results.get(hash) as MintSubmission)
    },

    whenSettled(paymentHash) {
      const job = jobs.get(paymentHash)
      if (job) return new Promise((resolve) => job.waiters.push(resolve))
      const done = recent.get(paymentHash)
      if (done) return Promise.resolve(done)
      return Promise.reject(
        new LightningError({
          code: 'MINT_INVALID_PARAMETERS',
          shortMessage: 'This minter does not track that payment hash',
          details: paymentHash,
        }),
      )
    },

    async flush() {
      while (broadcasts.size > 0) await Promise.all([...broadcasts])
    },

    stats() {
      return { ...stats, inFlight: jobs.size, nextNonce: nonceNext, lastScannedBlock: lastScanned }
    },

    async stop() {
      if (stopped) return
      stopped = true
      if (timer) clearTimeout(timer)
      if (leaseTimer) clearInterval(leaseTimer)
      await ticking
      await serial
      while (broadcasts.size > 0) await Promise.all([...broadcasts])
      await lease?.release()
      await signer.close()
    },
  }
}
