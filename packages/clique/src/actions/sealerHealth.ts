import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import { type Address, type Client, getAddress } from 'viem'
import { getBlock } from 'viem/actions'
import { CliqueError } from '../errors/CliqueError.ts'
import { detectForkStall, type SealerHead } from '../health/detectForkStall.ts'
import type { ForkStall } from '../health/ForkStall.ts'
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
  /**
   * The sealers' own nodes, one client (or ethers v6 provider) each. With them (and `period`) their heads are compared to
   * find Clique's equal-difficulty fork stall (`forkStall`): two sealers each holding their own
   * out-of-turn block at one height while no block comes. One node's view cannot show it: each
   * node sees only its own branch. A node that does not answer is named in a warning.
   */
  sealerClients?: readonly (Client | EthersProvider)[]
  /** Periods without a new block before the head counts as stale and a fork as stalled. Default 5. */
  stalledPeriods?: number
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
  /** The equal-difficulty fork stall among `sealerClients`' heads (index = position in it), or null. */
  forkStall: ForkStall | null
  warnings: string[]
}

/**
 * How each Clique signer has been doing over the last `blocks` blocks: its last sealed block,
 * in-turn and out-of-turn counts, and missed turns (the in-turn signer is signers[n % N], the
 * signers sorted ascending, as geth's snapshot.inturn). Warns when the live signers are at or
 * below quorum, i.e. one more failure away from a halted chain, or already halted. Given the
 * sealers' own clients, it also reports the equal-difficulty fork stall (CLIQUE_FORK_STALL).
 * `client` and `sealerClients`: viem clients or ethers v6 providers.
 */
export async function sealerHealth(
  clientOrProvider: Client | EthersProvider,
  parameters: SealerHealthParameters,
): Promise<SealerHealthReturnType> {
  const { blocks, period, stalledPeriods = 5 } = parameters
  const client = toViemClient(clientOrProvider)
  const sealerClients = (parameters.sealerClients ?? []).map((sealer) => toViemClient(sealer))
  if (!Number.isSafeInteger(blocks) || blocks < 1 || blocks > 10_000) {
    throw new CliqueError({
      code: 'CLIQUE_HEALTH_INVALID',
      shortMessage: 'blocks must be an integer from 1 to 10000',
      path: 'blocks',
    })
  }
  if (period !== undefined && (!Number.isSafeInteger(period) || period < 1)) {
    throw new CliqueError({
      code: 'CLIQUE_HEALTH_INVALID',
      shortMessage: 'period must be a whole number of seconds, at least 1',
      path: 'period',
    })
  }
  if (!Number.isSafeInteger(stalledPeriods) || stalledPeriods < 1) {
    throw new CliqueError({
      code: 'CLIQUE_HEALTH_INVALID',
      shortMessage: 'stalledPeriods must be a positive integer',
      path: 'stalledPeriods',
    })
  }
  if (sealerClients.length > 0 && period === undefined) {
    throw new CliqueError({
      code: 'CLIQUE_HEALTH_INVALID',
      shortMessage: "comparing the sealers' heads needs the Clique period",
      path: 'period',
      details: 'a fork counts as stalled after stalledPeriods periods without a block',
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
  const now = BigInt(Math.floor(Date.now() / 1000))
  if (period !== undefined) {
    const age = now - latest.timestamp
    if (age > BigInt(period * stalledPeriods))
      warnings.push(`the head block ${head} is ${age} s old (period ${period} s): no one is sealing`)
  }
  let forkStall: ForkStall | null = null
  if (sealerClients.length > 0 && period !== undefined) {
    const answers = await Promise.allSettled(sealerClients.map((sealer) => getBlock(sealer, { blockTag: 'latest' })))
    const heads: SealerHead[] = []
    const nodeOf: number[] = []
    for (const [index, answer] of answers.entries()) {
      if (answer.status === 'fulfilled') {
        heads.push(answer.value)
        nodeOf.push(index)
      } else {
        // Only the error's short message: a node URL (and any key in it) stays out of the report.
        const reason = (answer.reason as { shortMessage?: string }).shortMessage ?? (answer.reason as Error).name
        warnings.push(`sealer node ${index} did not answer for its head block: ${reason}`)
      }
    }
    const found = await detectForkStall({ heads, period, now, stalledPeriods })
    if (found) {
      forkStall = {
        ...found,
        blocks: found.blocks.map((block) => ({ ...block, heads: block.heads.map((i) => nodeOf[i] as number) })),
      }
      warnings.push(`${forkStall.message} [${forkStall.code}]`)
    }
  }
  return { head, headTimestamp: latest.timestamp, from, signers: list, quorum, live, forkStall, warnings }
}
