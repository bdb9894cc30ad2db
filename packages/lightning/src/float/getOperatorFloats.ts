import type { Address } from 'viem'
import { resolveSendingKeys } from '../settle/resolveSendingKeys.ts'
import { type GetOperatorFloatParameters, getOperatorFloat, type OperatorFloat } from './getOperatorFloat.ts'

export type GetOperatorFloatsParameters = Omit<GetOperatorFloatParameters, 'operator'> & {
  /** Every sending key's address (K >= 1, none twice). */
  operators: readonly Address[]
}

export type OperatorFloats = {
  /** Each key's float, in the order of `operators`. */
  keys: OperatorFloat[]
  /** The sums over the keys. */
  total: {
    balanceWei: bigint
    mints: number
    burnedWei: bigint
    /** The keys' burn rates summed, each over its own span. */
    burnWeiPerDay: bigint
    /** Seconds the whole balance lasts at the summed rate; undefined while nothing burns. */
    runwaySeconds: bigint | undefined
  }
  at: string
}

/**
 * The float of every sending key (sharded keys: each pays for its own mints), read at one
 * instant, and the total: what the operator holds across its K keys and how long that lasts.
 * K = 0 or a key listed twice is `MINT_FLOAT_INVALID_PARAMETERS` naming `operators`.
 */
export async function getOperatorFloats(parameters: GetOperatorFloatsParameters): Promise<OperatorFloats> {
  const { operators: given, ...rest } = parameters
  const operators = resolveSendingKeys(given, 'operators', 'MINT_FLOAT_INVALID_PARAMETERS')
  const at = (parameters.now ?? Date.now)()
  const keys = await Promise.all(operators.map((operator) => getOperatorFloat({ ...rest, operator, now: () => at })))
  let balanceWei = 0n
  let mints = 0
  let burnedWei = 0n
  let burnWeiPerDay = 0n
  for (const key of keys) {
    balanceWei += key.balanceWei
    mints += key.mints
    burnedWei += key.burnedWei
    burnWeiPerDay += key.burnWeiPerDay
  }
  const runwaySeconds = burnWeiPerDay === 0n ? undefined : (balanceWei * 86_400n) / burnWeiPerDay
  return {
    keys,
    total: { balanceWei, mints, burnedWei, burnWeiPerDay, runwaySeconds },
    at: new Date(at).toISOString(),
  }
}
