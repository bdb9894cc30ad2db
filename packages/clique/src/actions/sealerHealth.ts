import { type Address, type Client, getAddress } from 'viem'
import { getBlock } from 'viem/actions'
import { CliqueError } from '../errors/CliqueError.ts'
import { cliqueQuorum } from '../planners/cliqueQuorum.ts'
import { getSigners } from './getSigners.ts'
import { recoverSealer } from './recoverSealer.ts'

export type SealerHealthParameters = {
  /** How many recent blocks to examine (at least 1, at most 10000). */
  blocks: number
  /**
   * The signer set. Read with clique_getSigners when absent, which a public RPC node refuses:
   * against one, pass the signers (e.g. from the genesis extraData and later votes).
   */
  signers?: readonly string[]
  /** Clique period in seconds; with it the head's age is judged. */
  period?: number
}

export type SignerHealth = {
  address: Address
  /** The newest block this signer sealed in the window, or null. */
  lastSealed: bigint | null
  /** Blocks sealed in turn (difficulty 2) and out of turn (difficulty 1) in the window. */
  inTurn: number
  outOfTurn: number
  /** Blocks in the window where this signer was in turn but another sealed (out of turn). */
  missedTurns: number
}

export type SealerHealthReturnType = {
  head: bigint
  headTimestamp: bigint
  from: bigint
  signers: SignerHealth[]
  quorum: number
  /** Signers that sealed at least once in the window. */
  live: number
  warnings: string[]
}

/**
 * How each Clique signer has been doing over the last `blocks` blocks: its last sealed block,
 * in-turn and out-of-turn counts, and missed turns (the in-turn signer is signers[n % N], the
 * signers sorted ascending, as geth's snapshot.inturn). Warns when the live signers are at or
 * below quorum, i.e. one more failure away from a halted chain, or already halted.
 */
export async function sealerHealth(
  client: Client,
  parameters: SealerHealthParameters,
): Promise<SealerHealthReturnType> {
  const { blocks, period } = parameters
  if (!Number.isSafeInteger(blocks) || blocks < 1 || blocks > 10_000) {
    throw new CliqueError({
      code: 'CLIQUE_PLAN_INVALID',
      shortMessage: 'blocks must be an integer from 1 to 10000',
      path: 'blocks',
    })
  }
  const latest = await getBlock(client, { blockTag: 'latest' })
  const head = latest.number
  const signers = (
    parameters.signers ? parameters.signers.map((s) => getAddress(s)) : await getSigners(client, { blockNumber: head })
  )
    .slice()
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
  const from = head - BigInt(blocks) + 1n > 1n ? head - BigInt(blocks) + 1n : 1n
  const numbers: bigint[] = []
  for (let n = from; n <= head; n++) numbers.push(n)
  const headers = await Promise.all(numbers.map((n) => (n === head ? latest : getBlock(client, { blockNumber: n }))))

  const health = new Map<string, SignerHealth>(
    signers.map((address) => [
      address.toLowerCase(),
      { address, lastSealed: null, inTurn: 0, outOfTurn: 0, missedTurns: 0 },
    ]),
  )
  for (const header of headers) {
    const sealer = (await recoverSealer(header)).toLowerCase()
    const entry = health.get(sealer)
    if (entry) {
      entry.lastSealed = header.number
      if (header.difficulty === 2n) entry.inTurn++
      else entry.outOfTurn++
    }
    if (header.difficulty !== 2n && signers.length > 0) {
      const inTurn = signers[Number(header.number % BigInt(signers.length))] as Address
      const missed = health.get(inTurn.toLowerCase())
      if (missed && inTurn.toLowerCase() !== sealer) missed.missedTurns++
    }
  }

  const list = [...health.values()]
  const quorum = cliqueQuorum(signers.length)
  const live = list.filter((s) => s.lastSealed !== null).length
  const warnings: string[] = []
  for (const s of list) {
    if (s.lastSealed === null) warnings.push(`${s.address} sealed none of blocks ${from}-${head}`)
    else if (s.missedTurns > 0)
      warnings.push(`${s.address} missed ${s.missedTurns} of its turns; last sealed block ${s.lastSealed}`)
  }
  if (live < quorum) {
    warnings.push(
      `only ${live} of ${signers.length} signers sealed recently, below the quorum of ${quorum}: the chain halts`,
    )
  } else if (live === quorum && signers.length > 0) {
    warnings.push(
      `${live} of ${signers.length} signers live, exactly the quorum of ${quorum}: one more failure halts the chain`,
    )
  }
  if (period !== undefined) {
    const age = BigInt(Math.floor(Date.now() / 1000)) - latest.timestamp
    if (age > BigInt(period * 5))
      warnings.push(`the head block ${head} is ${age} s old (period ${period} s): no one is sealing`)
  }
  return { head, headTimestamp: latest.timestamp, from, signers: list, quorum, live, warnings }
}
