import { createLogger, type Logger, type Secret, type Store } from '@chainops/core'
import type { Client, Hex } from 'viem'
import { LightningError, type LightningErrorCode } from '../errors/LightningError.ts'
import { createTransactionSigner } from './createTransactionSigner.ts'
import type { MinterHooks } from './Minter.ts'
import type { MinterContext } from './MinterContext.ts'
import type { MinterGasSettings } from './MinterGasSettings.ts'
import { MintTracker } from './MintTracker.ts'

export type CreateMinterContextParameters = {
  store: Store
  client: Client
  signerKey: Secret<Hex>
  chainId: number
  gas?: MinterGasSettings | undefined
  confirmations?: number | undefined
  resendAfterMs?: number | undefined
  signerThreads?: number | undefined
  journalChunkSize?: number | undefined
  logger?: Logger | undefined
  hooks?: MinterHooks | undefined
}

/**
 * The validated shared state of one sending key's driver, the same for the minter (journal and
 * broadcast) and the receipt watcher (receipts, resends, fee bumps): a bad setting is refused
 * with `code` naming it.
 */
export function createMinterContext(
  parameters: CreateMinterContextParameters,
  options: { component: string; code: LightningErrorCode },
): MinterContext {
  const { store, client, signerKey, chainId } = parameters
  const invalid = (details: string) =>
    new LightningError({ code: options.code, shortMessage: `Invalid ${options.component} parameters`, details })
  if (!Number.isSafeInteger(chainId) || chainId < 1) throw invalid('chainId must be a positive integer')
  const gasSettings = parameters.gas ?? {}
  const chunkSize = parameters.journalChunkSize ?? 40
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > 49)
    throw invalid('journalChunkSize is a whole number from 1 to 49')
  // One block on top by default: a Clique chain can seal two siblings at one height (even a single
  // sealer, on a recommit), and the node may switch to the other one; a receipt read at the head
  // would then record the block and fee of a block that is no longer canonical.
  const confirmations = parameters.confirmations ?? 1
  if (!Number.isSafeInteger(confirmations) || confirmations < 0)
    throw invalid('confirmations is a whole number, 0 or more')
  const resendAfterMs = parameters.resendAfterMs ?? 3000
  if (!Number.isFinite(resendAfterMs) || resendAfterMs < 0) throw invalid('resendAfterMs is a number of ms, 0 or more')
  const signer = createTransactionSigner({ key: signerKey, threads: parameters.signerThreads })
  const address = signer.address
  return {
    store,
    client,
    address,
    chainId,
    signer,
    gas: gasSettings.gas ?? 21_000n,
    gasSettings,
    confirmations: BigInt(confirmations),
    resendAfterMs,
    bumpAfterBlocks: BigInt(gasSettings.bumpAfterBlocks ?? 3),
    chunkSize,
    hooks: parameters.hooks ?? {},
    logger: (parameters.logger ?? createLogger({ level: 'warn' })).child({ component: options.component, address }),
    tracker: new MintTracker(),
    counters: { journaled: 0, broadcasts: 0, rebroadcasts: 0, feeBumps: 0, minted: 0, failed: 0 },
    nonceNext: 0n,
    nonceVersion: undefined,
    lastScanned: 0n,
    baseFee: 1_000_000_000n,
  }
}
