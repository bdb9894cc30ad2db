import { ChainopsError } from '@chainops/core'
import { requireEnv } from './requireEnv.ts'

/**
 * The sending keys' addresses from a comma-separated variable (one, or K in key order: each paid
 * invoice is assigned one, its queue group `mint:<sender>`). Unset or an empty entry fails the
 * start naming the variable; a malformed address or one listed twice is refused by
 * startSettleSubscriber (`SETTLE_INVALID_PARAMETERS`).
 */
export function readSenders(env: NodeJS.ProcessEnv, name: string, where: string): string[] {
  const senders = requireEnv(env, name, where)
    .split(',')
    .map((sender) => sender.trim())
  const empty = senders.indexOf('')
  if (empty !== -1)
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_INVALID',
      shortMessage: 'An empty sending key address',
      details: `${name}: entry ${empty} is empty (comma-separated addresses)`,
    })
  return senders
}
