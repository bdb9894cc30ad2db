import type { LightningError } from '../errors/LightningError.ts'
import type { RecordSettlementReturnType } from './recordSettlement.ts'

/** What the subscriber and the reconciler report as they go (for logs and metrics; no secrets). */
export type SettleEvent =
  | {
      type: 'settled'
      paymentHash: string
      settleIndex: bigint
      result: RecordSettlementReturnType
      via: 'subscription' | 'reconcile' | 'sweep'
    }
  | { type: 'subscribed'; cursor: bigint }
  | { type: 'reconciled'; cursor: bigint; found: number }
  | { type: 'disconnected'; attempt: number; retryInMs: number; reason: string }
  /** lnd failed this many times in a row; the subscriber keeps retrying. */
  | { type: 'lnd_unreachable'; attempt: number; error: LightningError }
  | { type: 'swept'; paymentHash: string; state: 'EXPIRED' | 'CANCELED' }
  /** This subscriber took the settle lease and is now the active one (it subscribes from the cursor). */
  | { type: 'lease_acquired'; holder: string }
  /** Another subscriber took the lease: this one stopped recording and is a standby again. */
  | { type: 'lease_lost'; holder: string; reason: string }
