import type { MintOutcome } from './Minter.ts'
import type { MintJob } from './MintJob.ts'
import type { MintTxVariant } from './MintJournalRow.ts'

/**
 * The minter's memory of its in-flight jobs (by payment hash and by the hash of every variant, for
 * matching block receipts) and of recent outcomes (so a late duplicate is answered without a
 * store read). Holds nothing the journal does not: losing it (a crash) loses no mint.
 */
export class MintTracker {
  readonly #jobs = new Map<string, MintJob>()
  readonly #byTxHash = new Map<string, MintJob>()
  readonly #recent = new Map<string, MintOutcome>()
  readonly #recentLimit: number

  /** `recentLimit`: outcomes kept, oldest dropped first (default 20,000). */
  constructor(recentLimit = 20_000) {
    this.#recentLimit = recentLimit
  }

  /** Jobs in flight. */
  get size(): number {
    return this.#jobs.size
  }

  job(paymentHash: string): MintJob | undefined {
    return this.#jobs.get(paymentHash)
  }

  /** Whether this very job (not an older one of the same hash) is still in flight. */
  isTracked(job: MintJob): boolean {
    return this.#jobs.get(job.paymentHash) === job
  }

  /** The job one of whose variants has this transaction hash (any case). */
  byTxHash(txHash: string): MintJob | undefined {
    return this.#byTxHash.get(txHash.toLowerCase())
  }

  recent(paymentHash: string): MintOutcome | undefined {
    return this.#recent.get(paymentHash)
  }

  /** Every job in flight, in the order they were tracked. */
  jobs(): MintJob[] {
    return [...this.#jobs.values()]
  }

  /** Every job in flight, lowest nonce first. */
  byNonce(): MintJob[] {
    return this.jobs().sort((a, b) => (a.nonce < b.nonce ? -1 : a.nonce > b.nonce ? 1 : 0))
  }

  track(job: MintJob): void {
    this.#jobs.set(job.paymentHash, job)
    for (const variant of job.variants) this.#byTxHash.set(variant.txHash.toLowerCase(), job)
  }

  /** A fee bump of a tracked job, already journaled: it becomes the variant sent. */
  addVariant(job: MintJob, variant: MintTxVariant): void {
    job.variants.push(variant)
    this.#byTxHash.set(variant.txHash.toLowerCase(), job)
  }

  /** Drops a job from memory without an outcome (its journal row stays open: another process drives it). */
  forget(job: MintJob): void {
    if (this.#jobs.get(job.paymentHash) !== job) return
    this.#jobs.delete(job.paymentHash)
    for (const variant of job.variants) this.#byTxHash.delete(variant.txHash.toLowerCase())
  }

  /** Ends a job: forgotten as in flight, remembered as recent, its waiters answered. */
  settle(job: MintJob, outcome: MintOutcome): void {
    this.#jobs.delete(job.paymentHash)
    for (const variant of job.variants) this.#byTxHash.delete(variant.txHash.toLowerCase())
    this.#recent.set(job.paymentHash, outcome)
    if (this.#recent.size > this.#recentLimit) this.#recent.delete(this.#recent.keys().next().value as string)
    for (const resolve of job.waiters.splice(0)) resolve(outcome)
  }
}
