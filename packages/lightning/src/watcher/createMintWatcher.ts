import { setTimeout as sleep } from 'node:timers/promises'
import { isChainopsError, type Logger, type Secret, type Store } from '@chainops/core'
import { type EthersProvider, type EthersWallet, toSignerKey, toViemClient } from '@chainops/core/ethers'
import type { Client, Hex } from 'viem'
import { getBlockNumber, getTransactionCount } from 'viem/actions'
import { LightningError } from '../errors/LightningError.ts'
import { acquireStoreLease, type StoreLease } from '../lease/acquireStoreLease.ts'
import { fenceStoreWrites } from '../lease/fenceStoreWrites.ts'
import { type BlockWatcher, createBlockWatcher } from '../minter/createBlockWatcher.ts'
import { createMintBroadcaster, type MintBroadcaster } from '../minter/createMintBroadcaster.ts'
import { createMinterContext } from '../minter/createMinterContext.ts'
import { listOpenMints } from '../minter/listOpenMints.ts'
import type { MinterContext } from '../minter/MinterContext.ts'
import type { MinterGasSettings } from '../minter/MinterGasSettings.ts'
import { mintJobFromRow } from '../minter/mintJobFromRow.ts'
import { refreshBaseFee } from '../minter/refreshBaseFee.ts'
import { resolveMintsByReceipt } from '../minter/resolveMintsByReceipt.ts'
import type { MintWatcher, MintWatcherStats } from './MintWatcher.ts'

/** The Store table of receipt watcher leases, keyed by sending address. */
const MINT_WATCHER_LEASES_TABLE = 'mint_watcher_leases'

export type CreateMintWatcherParameters = {
  store: Store
  /** A viem client or an ethers v6 provider over the chain's public RPC (eth_ only); an ethers provider's chain is checked against `chainId`. */
  client: Client | EthersProvider
  /** The sending key, or an ethers v6 `Wallet` holding it: fee bumps re-sign a mint at its journaled nonce. Never logged. */
  signerKey: Secret<Hex> | EthersWallet
  chainId: number
  /** The minter's gas settings (fee caps, `bumpAfterBlocks`). */
  gas?: MinterGasSettings | undefined
  /** Blocks on top of the including one before a mint counts as MINTED: default 1 (0 records at the head, where a sibling block may still win). */
  confirmations?: number | undefined
  /** Time between rounds: default 250 ms. */
  pollIntervalMs?: number | undefined
  /** A mint the node's pool lacks is sent again at most this often: default 3000 ms. */
  resendAfterMs?: number | undefined
  /** The watcher lease of the sending key: `ttlMs` (default 15 s), `holder` (a name shown to whoever finds it held). */
  lease?: { ttlMs?: number | undefined; holder?: string | undefined } | undefined
  logger?: Logger | undefined
}

function invalid(details: string): LightningError {
  return new LightningError({
    code: 'MINT_WATCHER_INVALID_PARAMETERS',
    shortMessage: 'Invalid mint watcher parameters',
    details,
  })
}

/**
 * The receipt watcher of one sending key: drives every journaled mint to an outcome, whoever
 * journaled and broadcast it (the AWS mode's consumer acknowledges a message once its row is
 * committed and sent, and does nothing more). It finds the open rows through the open-row index
 * (`listOpenMints`, never a table scan) and runs the minter's own block watcher over them
 * (`createBlockWatcher`: per-block receipts, PAID -> MINTED, resends, `planFeeBumps` at the same
 * nonce), so the two modes share one implementation.
 *
 * One watcher drives a key at a time: it holds the key's watcher lease (`acquireStoreLease`), and
 * every write it makes commits with the lease's renewal (`fenceStoreWrites`), so a watcher that
 * lost the lease writes nothing more. It keeps nothing the journal does not: after a crash the next
 * watcher lists the same open rows, settles those already mined by their receipts and resends the
 * rest.
 */
export function createMintWatcher(parameters: CreateMintWatcherParameters): MintWatcher {
  const { store } = parameters
  const pollIntervalMs = parameters.pollIntervalMs ?? 250
  if (!Number.isFinite(pollIntervalMs) || pollIntervalMs < 1)
    throw invalid('pollIntervalMs is a number of ms, 1 or more')
  const ttlMs = parameters.lease?.ttlMs ?? 15_000
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1000) throw invalid('lease.ttlMs is a whole number of ms, 1000 or more')
  const holder = parameters.lease?.holder
  if (holder !== undefined && (typeof holder !== 'string' || holder.length === 0))
    throw invalid('lease.holder is a non-empty name')
  const { chainId } = parameters
  const base = createMinterContext(
    {
      ...parameters,
      // Converted at the boundary only (the same normalisers as createMinter's).
      client: toViemClient(parameters.client, Number.isSafeInteger(chainId) && chainId > 0 ? { chainId } : {}),
      signerKey: toSignerKey(parameters.signerKey),
    },
    { component: 'mint-watcher', code: 'MINT_WATCHER_INVALID_PARAMETERS' },
  )
  const { address, logger } = base
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new'
  let lease: StoreLease | undefined
  let context: MinterContext | undefined
  let broadcaster: MintBroadcaster | undefined
  let blocks: BlockWatcher | undefined
  let renewedAt = 0
  let recovering = true
  let rounds = 0
  let open = 0
  let running: Promise<void> | undefined
  const abort = new AbortController()

  const round = async () => {
    if (state !== 'started' || !context || !blocks || !lease)
      throw new LightningError({ code: 'MINT_NOT_STARTED', shortMessage: 'The mint watcher has not been started' })
    const ctx = context
    if (Date.now() - renewedAt >= ttlMs / 3) {
      await lease.renew()
      renewedAt = Date.now()
    }
    const listed = await listOpenMints({ store, from: address, known: (hash) => ctx.tracker.job(hash) !== undefined })
    const now = Date.now()
    const fresh = listed.rows.map((row) => {
      const job = mintJobFromRow(row, ctx.lastScanned)
      // Rows found later were just broadcast by the consumer: resent only if the pool still lacks them later.
      if (!recovering) job.lastSentAt = now
      ctx.tracker.track(job)
      return job
    })
    if (recovering && fresh.length > 0) {
      // What the previous watcher left: settled at once by receipt (or as a conflict below the chain's nonce).
      const latest = BigInt(await getTransactionCount(ctx.client, { address, blockNumber: ctx.lastScanned }))
      await resolveMintsByReceipt(ctx, fresh, latest)
    }
    recovering = false
    await blocks.round()
    open = ctx.tracker.size
    rounds++
  }

  const watcher: MintWatcher = {
    address,

    async start() {
      if (state !== 'new') throw invalid('start() is called once')
      state = 'starting'
      try {
        lease = await acquireStoreLease({
          store,
          table: MINT_WATCHER_LEASES_TABLE,
          key: address,
          ttlMs,
          holder,
          errors: {
            held: 'MINT_WATCHER_LEASE_HELD',
            lost: 'MINT_WATCHER_LEASE_LOST',
            heldMessage: 'Another receipt watcher drives this sending key',
            lostMessage: 'Another receipt watcher took this sending key',
          },
        })
        if (state !== 'starting')
          throw new LightningError({
            code: 'MINT_STOPPED',
            shortMessage: 'The mint watcher was stopped while starting',
          })
        renewedAt = Date.now()
        context = { ...base, store: fenceStoreWrites(store, lease) }
        broadcaster = createMintBroadcaster(context)
        blocks = createBlockWatcher(context, broadcaster, pollIntervalMs)
        const head = await getBlockNumber(context.client, { cacheTime: 0 })
        context.lastScanned = head > context.confirmations ? head - context.confirmations : 0n
        await refreshBaseFee(context)
        if (state !== 'starting')
          throw new LightningError({
            code: 'MINT_STOPPED',
            shortMessage: 'The mint watcher was stopped while starting',
          })
        state = 'started'
        logger.info('mint watcher started', { lastScanned: context.lastScanned.toString() })
      } catch (error) {
        await lease?.release()
        lease = undefined
        state = 'stopped'
        await base.signer.close()
        throw error
      }
    },

    round,

    run(options = {}) {
      if (state !== 'started') return Promise.reject(invalid('run() needs a started watcher'))
      if (running) return Promise.reject(invalid('run() is already running'))
      const until = options.until ?? Number.POSITIVE_INFINITY
      running = (async () => {
        while (state === 'started' && Date.now() + pollIntervalMs < until) {
          try {
            await round()
          } catch (error) {
            if (isChainopsError(error, 'MINT_WATCHER_LEASE_LOST')) throw error
            if (state !== 'started') break
            logger.warn('mint watcher round failed; retrying', { error })
          }
          if (state !== 'started') break
          await sleep(pollIntervalMs, undefined, { signal: abort.signal }).catch(() => undefined)
        }
        await broadcaster?.flush()
      })()
      return running
    },

    stats(): MintWatcherStats {
      const counters = context?.counters ?? base.counters
      return {
        rounds,
        open,
        minted: counters.minted,
        failed: counters.failed,
        rebroadcasts: counters.rebroadcasts,
        feeBumps: counters.feeBumps,
        lastScannedBlock: context?.lastScanned ?? 0n,
      }
    },

    async stop() {
      if (state === 'stopped') return
      const was = state
      state = 'stopped'
      abort.abort()
      // A start() in progress cleans up after itself when it sees the state.
      if (was === 'new') await base.signer.close()
      if (was !== 'started') return
      await running?.catch(() => undefined)
      await blocks?.stop()
      await broadcaster?.flush()
      await lease?.release()
      await base.signer.close()
    },
  }
  return watcher
}
