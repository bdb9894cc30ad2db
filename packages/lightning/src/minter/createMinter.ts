import type { Logger, Secret, Store } from '@chainops/core'
import { type EthersProvider, type EthersWallet, toSignerKey, toViemClient } from '@chainops/core/ethers'
import type { Client, Hex } from 'viem'
import { LightningError } from '../errors/LightningError.ts'
import { acquireMinterLease, type MinterLease } from './acquireMinterLease.ts'
import { createBlockWatcher } from './createBlockWatcher.ts'
import { createMintBroadcaster } from './createMintBroadcaster.ts'
import { createMinterContext } from './createMinterContext.ts'
import type { Minter, MinterHooks, MintOutcome, MintSubmission } from './Minter.ts'
import type { MinterGasSettings } from './MinterGasSettings.ts'
import { recoverMinter } from './recoverMinter.ts'
import { submitMints } from './submitMints.ts'

export type CreateMinterParameters = {
  store: Store
  /**
   * A viem client or an ethers v6 provider over the chain's public RPC (eth_ only); transactions are
   * signed locally and sent raw. An ethers provider's chain is checked against `chainId` first.
   */
  client: Client | EthersProvider
  /** The operator key that sends the mints, or an ethers v6 `Wallet` holding it; never logged. */
  signerKey: Secret<Hex> | EthersWallet
  chainId: number
  gas?: MinterGasSettings | undefined
  /** Blocks on top of the including one before a mint counts as MINTED: default 1 (0 records at the head, where a sibling block may still win). */
  confirmations?: number | undefined
  /** How often the chain is polled for new blocks: default 250 ms. */
  pollIntervalMs?: number | undefined
  /** A mint the node's pool lacks is sent again at most this often: default 3000 ms. */
  resendAfterMs?: number | undefined
  /**
   * Whether this minter drives its mints to MINTED itself (default true: a block watcher matches
   * receipts, resends and fee-bumps). `false` where a `createMintWatcher` does that (the AWS mode):
   * `start()` only plans the nonce, `submit` resolves once the new rows are journaled and their
   * broadcast answered, and keeps nothing in memory (`whenSettled` then knows no hash).
   */
  watch?: boolean | undefined
  /** The single-writer lease (default 15 s TTL); `false` where the queue already serialises writers (an SQS FIFO group feeding a Lambda). */
  lease?: false | { ttlMs?: number | undefined } | undefined
  /** Worker threads that sign (default 0: on the event loop); see `createTransactionSigner`. */
  signerThreads?: number | undefined
  /** Mints signed per store transaction: default 40, at most 49 (two writes each, row and open-row index, with the nonce row: within DynamoDB's 100). */
  journalChunkSize?: number | undefined
  logger?: Logger | undefined
  hooks?: MinterHooks | undefined
}

const HASH = /^[0-9a-f]{64}$/

/** The viem client of the chain (an ethers provider adapted, its chain checked when `chainId` is one). */
function chainClient({ client, chainId }: Pick<CreateMinterParameters, 'client' | 'chainId'>): Client {
  return toViemClient(client, Number.isSafeInteger(chainId) && chainId > 0 ? { chainId } : {})
}

function invalid(details: string): LightningError {
  return new LightningError({ code: 'MINT_INVALID_PARAMETERS', shortMessage: 'Invalid minter parameters', details })
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
 *
 * The parts: `recoverMinter` (start), `submitMints` + `journalNewMints` (new mints),
 * `createMintBroadcaster`, `createBlockWatcher` (receipts, resends, `planFeeBumps`), sharing one
 * `MinterContext`.
 */
export function createMinter(parameters: CreateMinterParameters): Minter {
  const { store } = parameters
  const context = createMinterContext(
    { ...parameters, client: chainClient(parameters), signerKey: toSignerKey(parameters.signerKey) },
    { component: 'minter', code: 'MINT_INVALID_PARAMETERS' },
  )
  const { address, signer } = context
  const watch = parameters.watch ?? true
  const leaseTtlMs = parameters.lease === false ? undefined : (parameters.lease?.ttlMs ?? 15_000)
  // Without a block watcher the receipt watcher is the one writer of outcomes: the broadcaster only sends.
  const broadcaster = createMintBroadcaster(context, { settle: watch })
  const watcher = createBlockWatcher(context, broadcaster, parameters.pollIntervalMs ?? 250)
  let started = false
  let stopped = false
  let lease: MinterLease | undefined
  let leaseTimer: NodeJS.Timeout | undefined
  // submit() calls run one at a time: each reads the nonce the previous one left.
  let serial: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = serial.then(fn, fn)
    serial = run.catch(() => undefined)
    return run
  }

  const minter: Minter = {
    address,

    async start() {
      if (started || stopped) throw invalid('start() is called once')
      try {
        if (leaseTtlMs !== undefined) {
          lease = await acquireMinterLease({ store, key: address, ttlMs: leaseTtlMs })
          leaseTimer = setInterval(
            () => {
              lease?.renew().catch((error) => {
                context.logger.error('lost the minter lease; stopping', { error })
                void minter.stop()
              })
            },
            Math.max(100, Math.floor(leaseTtlMs / 3)),
          )
        }
        const recovery = await recoverMinter(context, broadcaster, { resume: watch }, () => {
          started = true
        })
        if (watch) watcher.start()
        context.logger.info('minter started', { ...recovery, nextNonce: recovery.nextNonce.toString() })
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
      if (stopped) throw new LightningError({ code: 'MINT_STOPPED', shortMessage: 'The minter was stopped' })
      if (!started)
        throw new LightningError({ code: 'MINT_NOT_STARTED', shortMessage: 'The minter has not been started' })
      for (const hash of paymentHashes)
        if (typeof hash !== 'string' || !HASH.test(hash)) throw invalid('a payment hash is 64 lowercase hex characters')
      const results = await exclusive(() => submitMints(context, broadcaster, paymentHashes, { watch }))
      return paymentHashes.map((hash) => results.get(hash) as MintSubmission)
    },

    whenSettled(paymentHash) {
      const job = context.tracker.job(paymentHash)
      if (job) return new Promise<MintOutcome>((resolve) => job.waiters.push(resolve))
      const done = context.tracker.recent(paymentHash)
      if (done) return Promise.resolve(done)
      return Promise.reject(
        new LightningError({
          code: 'MINT_INVALID_PARAMETERS',
          shortMessage: 'This minter does not track that payment hash',
          details: paymentHash,
        }),
      )
    },

    flush: () => broadcaster.flush(),

    stats() {
      return {
        ...context.counters,
        inFlight: context.tracker.size,
        nextNonce: context.nonceNext,
        lastScannedBlock: context.lastScanned,
      }
    },

    async stop() {
      if (stopped) return
      stopped = true
      if (leaseTimer) clearInterval(leaseTimer)
      await watcher.stop()
      await serial
      await broadcaster.flush()
      await lease?.release()
      await signer.close()
    },
  }
  return minter
}
