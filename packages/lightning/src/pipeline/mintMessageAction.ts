import type { MintSubmission } from '../minter/Minter.ts'

/** What becomes of a mint message once the minter has answered for its payment hash. */
export type MintMessageAction =
  /** Handled: delete it (MINTED, or journaled and sent when acknowledging `journaled`). */
  | { kind: 'delete' }
  /** Not mintable yet: let it come back. */
  | { kind: 'retry'; reason: string }
  /** Never mintable: dead-letter it with the reason. */
  | { kind: 'deadLetter'; reason: string }
  /** Acknowledging `minted`: keep it until the tracked mint has an outcome (`minter.whenSettled`). */
  | { kind: 'await' }

/**
 * The one acknowledgement rule of both modes' consumers (the embedded `runMintPipeline` and the
 * SQS consumer Lambda): with `journaled`, a message is handled once its journal row is committed
 * (the row is then the durable job, driven to MINTED by a watcher: the minter's own, or
 * `createMintWatcher`); with `minted`, only once the invoice is MINTED.
 */
export function mintMessageAction(submission: MintSubmission, acknowledge: 'journaled' | 'minted'): MintMessageAction {
  switch (submission.status) {
    case 'minted':
      return { kind: 'delete' }
    case 'tracked':
      return acknowledge === 'journaled' ? { kind: 'delete' } : { kind: 'await' }
    case 'retry':
      return { kind: 'retry', reason: submission.reason }
    case 'dead':
      return { kind: 'deadLetter', reason: `${submission.code}: ${submission.reason}` }
  }
}
