import type { Store } from '@chainops/core'
import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { Address, Client } from 'viem'
import { getBalance } from 'viem/actions'
import { LightningError } from '../errors/LightningError.ts'
import { listMintJournal } from '../minter/listMintJournal.ts'

export type GetOperatorFloatParameters = {
  store: Store
  /** A viem client or an ethers v6 provider over the chain RPC. */
  client: Client | EthersProvider
  /** The minter's sending address. */
  operator: Address
  /** The history the burn rate is measured over: default 30 days. */
  windowMs?: number | undefined
  now?: (() => number) | undefined
}

export type OperatorFloat = {
  operator: Address
  balanceWei: bigint
  /** Mints (and reverted attempts) with an outcome inside the window. */
  mints: number
  /** Value sent plus gas paid (gasUsed x effectiveGasPrice) by those. */
  burnedWei: bigint
  /** The span the rate is over: the window, or since the first outcome in it when the history is shorter. */
  spanMs: number
  /** burnedWei per day over the span, floored; 0 without history. */
  burnWeiPerDay: bigint
  /** Seconds the balance lasts at that rate; undefined while nothing burns. */
  runwaySeconds: bigint | undefined
  at: string
}

const DAY_MS = 86_400_000n

/**
 * The operator's float from its balance on chain and the minter's journal: what the mints of the
 * window cost (value + gas, from the receipts recorded in the journal outcomes), the burn per day
 * and the runway. Exact bigint arithmetic throughout.
 */
export async function getOperatorFloat(parameters: GetOperatorFloatParameters): Promise<OperatorFloat> {
  const { store, operator, windowMs = 30 * 86_400_000, now = Date.now } = parameters
  const client = toViemClient(parameters.client)
  if (!Number.isSafeInteger(windowMs) || windowMs < 1000)
    throw new LightningError({
      code: 'MINT_FLOAT_INVALID_PARAMETERS',
      shortMessage: 'Invalid float window',
      details: 'windowMs is a whole number of milliseconds, at least 1000',
    })
  const at = now()
  const since = at - windowMs
  const [balanceWei, rows] = await Promise.all([
    getBalance(client, { address: operator, blockTag: 'latest' }),
    listMintJournal(store, operator),
  ])
  let mints = 0
  let burnedWei = 0n
  let earliest = at
  for (const row of rows) {
    const outcome = row.outcome
    if (!outcome || outcome.kind === 'conflict') continue
    const time = Date.parse(outcome.at)
    if (!(time >= since)) continue
    mints++
    burnedWei += BigInt(outcome.gasUsed) * BigInt(outcome.effectiveGasPrice)
    if (outcome.kind === 'minted') burnedWei += BigInt(row.valueWei)
    if (time < earliest) earliest = time
  }
  const spanMs = Math.max(1000, Math.min(windowMs, at - earliest))
  const burnWeiPerDay = (burnedWei * DAY_MS) / BigInt(spanMs)
  const runwaySeconds = burnedWei === 0n ? undefined : (balanceWei * BigInt(spanMs)) / (burnedWei * 1000n)
  return {
    operator,
    balanceWei,
    mints,
    burnedWei,
    spanMs,
    burnWeiPerDay,
    runwaySeconds,
    at: new Date(at).toISOString(),
  }
}
