import { LightningError } from '../errors/LightningError.ts'

/** geth txpool limits, in the shape of @chainops/clique's `TxPoolLimits` (for `gethConfig({ txPool })`). */
export type MinterTxPoolLimits = {
  accountSlots: number
  globalSlots: number
  accountQueue: number
  globalQueue: number
}

/**
 * The txpool limits every node of a chain with a pipelined minter needs (sealers and RPC nodes:
 * the minter's transactions reach the sealers as remote transactions), sized for `window`
 * transactions of the one sending key in flight (default 4096, about 8 full blocks of 500 mints).
 *
 * Why geth's defaults do not do: the minter keeps several blocks' worth of consecutive nonces of
 * ONE account in the pool so that every block is full.
 * - `accountslots` (default 16): once the pool holds more than `globalslots` executable
 *   transactions, geth trims every account above `accountslots` back towards it, starting with the
 *   account holding the most (ours): nonces are dropped from the top, and the mints behind them
 *   stall until rebroadcast.
 * - `globalslots` (default 5120): the pool-wide executable limit; it must exceed the window or the
 *   trimming above starts.
 * - `accountqueue` (default 64) / `globalqueue` (default 1024): transactions propagated between
 *   nodes arrive out of nonce order and wait in the queue until the gap closes; with 64 slots a
 *   burst of a few hundred mints loses the ones above the 64th queued nonce.
 */
export function minterTxPoolLimits(window = 4096): MinterTxPoolLimits {
  if (!Number.isSafeInteger(window) || window < 16)
    throw new LightningError({
      code: 'MINT_INVALID_PARAMETERS',
      shortMessage: 'Invalid txpool window',
      details: 'window is a whole number of at least 16',
    })
  return {
    accountSlots: window,
    globalSlots: window * 2,
    accountQueue: window,
    globalQueue: window * 2,
  }
}
