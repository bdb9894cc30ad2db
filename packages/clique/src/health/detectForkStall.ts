import type { Address, Hex } from 'viem'
import type { CliqueHeader } from '../actions/cliqueSealHash.ts'
import { recoverSealer } from '../actions/recoverSealer.ts'
import { CliqueError } from '../errors/CliqueError.ts'
import type { ForkStall, ForkStallBlock } from './ForkStall.ts'

/** A node's head block: the sealed header fields and the block hash the node reports. */
export type SealerHead = CliqueHeader & { hash: Hex | null }

export type DetectForkStallParameters = {
  /** The head block of each sealer's own node (e.g. `getBlock(client, { blockTag: 'latest' })`). */
  heads: readonly SealerHead[]
  /** The Clique period in seconds. */
  period: number
  /** The current time in seconds, on the clock the block timestamps are compared with. */
  now: bigint
  /** Periods without a new block on any head before the fork counts as a stall. Default 5. */
  stalledPeriods?: number
}

export type DetectForkStallReturnType = ForkStall | null

export type DetectForkStallErrorType = CliqueError

function invalid(path: string, shortMessage: string, details?: string): never {
  throw new CliqueError({ code: 'CLIQUE_HEALTH_INVALID', shortMessage, path, details })
}

/**
 * Finds Clique's equal-difficulty fork stall in the heads of the sealers' own nodes: at the
 * highest head number, two or more different blocks, each sealed out of turn (difficulty 1) by a
 * different signer, and no head newer than `stalledPeriods` periods. Returns it with the height,
 * the hashes and their sealers, or null. Pure: the sealers are recovered from the seals, nothing
 * is read from a node. A fork with an in-turn block (difficulty 2) is no stall (the heavier branch
 * wins), nor is one that is younger than the limit (a third signer may still resolve it).
 */
export async function detectForkStall(parameters: DetectForkStallParameters): Promise<DetectForkStallReturnType> {
  const { heads, period, now, stalledPeriods = 5 } = parameters
  if (!Number.isSafeInteger(period) || period < 1)
    invalid('period', 'period must be a whole number of seconds, at least 1', `got ${period}`)
  if (!Number.isSafeInteger(stalledPeriods) || stalledPeriods < 1)
    invalid('stalledPeriods', 'stalledPeriods must be a positive integer', `got ${stalledPeriods}`)
  if (typeof now !== 'bigint') invalid('now', 'now must be a bigint of seconds')
  for (const [index, head] of heads.entries()) {
    if (head.number === null || head.hash === null)
      invalid(`heads.${index}`, 'a head must be a mined block with a number and a hash')
  }
  if (heads.length < 2) return null

  let top = 0n
  let newest = 0n
  for (const head of heads) {
    if ((head.number as bigint) > top) top = head.number as bigint
    if (head.timestamp > newest) newest = head.timestamp
  }
  if (top === 0n) return null
  const age = now - newest
  if (age <= BigInt(stalledPeriods * period)) return null

  const byHash = new Map<string, { header: SealerHead; heads: number[] }>()
  for (const [index, head] of heads.entries()) {
    if (head.number !== top) continue
    const key = (head.hash as Hex).toLowerCase()
    const entry = byHash.get(key)
    if (entry) entry.heads.push(index)
    else byHash.set(key, { header: head, heads: [index] })
  }
  if (byHash.size < 2) return null
  const competing = [...byHash.values()]
  if (competing.some(({ header }) => header.difficulty !== 1n)) return null

  const blocks: ForkStallBlock[] = []
  for (const { header, heads: holders } of competing) {
    blocks.push({
      hash: header.hash as Hex,
      sealer: await recoverSealer(header),
      difficulty: header.difficulty,
      heads: holders,
    })
  }
  const sealers = new Set(blocks.map((b) => b.sealer.toLowerCase()))
  if (sealers.size < 2) return null
  const order = (block: ForkStallBlock) => `${block.sealer.toLowerCase()}${block.hash.toLowerCase()}`
  blocks.sort((a, b) => (order(a) < order(b) ? -1 : 1))

  const list = (items: readonly string[]) =>
    items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
  const named = blocks.map((b) => `${b.sealer} (${b.hash})`)
  const sealerList = [...new Set(blocks.map((b) => b.sealer))] as Address[]
  const message =
    `fork stall at block ${top}: ${list(named)} each hold their own block ${top}, all sealed out of turn ` +
    `(difficulty 1), so no branch is heavier; no block for ${age} s (period ${period} s). ` +
    `Clique waits until a signer other than ${list(sealerList)} seals on one branch: bring such a signer back`
  return { code: 'CLIQUE_FORK_STALL', number: top, blocks, age, message }
}
