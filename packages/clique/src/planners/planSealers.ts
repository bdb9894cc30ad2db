import { CliqueError } from '../errors/CliqueError.ts'
import { cliqueQuorum } from './cliqueQuorum.ts'

export type PlanSealersParameters = {
  /** How many sealers may be down at once while blocks keep coming. */
  tolerateFailures: number
}

export type PlanSealersReturnType = {
  /** 2f+1: the smallest signer set that survives `tolerateFailures` down. */
  sealers: number
  /** floor(N/2)+1 live signers needed. */
  quorum: number
  tolerateFailures: number
  /** One sentence a reader can act on. */
  summary: string
}

/** The smallest Clique signer set that keeps sealing with `tolerateFailures` sealers down: N = 2f+1. */
export function planSealers(parameters: PlanSealersParameters): PlanSealersReturnType {
  const { tolerateFailures } = parameters
  if (!Number.isSafeInteger(tolerateFailures) || tolerateFailures < 0 || tolerateFailures > 1000) {
    throw new CliqueError({
      code: 'CLIQUE_PLAN_INVALID',
      shortMessage: 'tolerateFailures must be an integer from 0 to 1000',
      path: 'tolerateFailures',
      details: `got ${tolerateFailures}`,
    })
  }
  const sealers = 2 * tolerateFailures + 1
  const quorum = cliqueQuorum(sealers)
  return {
    sealers,
    quorum,
    tolerateFailures,
    summary: `${sealers} sealers (in separate zones): Clique needs ${quorum} live, so ${tolerateFailures} may be down; an even count adds no tolerance (${sealers + 1} sealers need ${cliqueQuorum(sealers + 1)}).`,
  }
}
