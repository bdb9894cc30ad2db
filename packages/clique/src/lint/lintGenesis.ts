import { getAddress, numberToHex } from 'viem'
import { CliqueError, type CliqueErrorCode } from '../errors/CliqueError.ts'
import { decodeExtraData } from '../extraData/decodeExtraData.ts'
import { BLOCK_FORKS, UNSUPPORTED_FORKS } from '../genesis/forks.ts'
import type { Genesis } from '../genesis/Genesis.ts'
import { parseGenesis } from '../genesis/parseGenesis.ts'
import { toGenesisJson } from '../genesis/toGenesisJson.ts'
import { cliqueQuorum } from '../planners/cliqueQuorum.ts'
import { planCapacity } from '../planners/planCapacity.ts'
import { formatCoins } from '../units/formatCoins.ts'
import { formatRatio } from '../units/formatRatio.ts'
import type { LintCode, LintFinding } from './LintFinding.ts'

export type LintGenesisOptions = {
  /** Transactions per second the chain must carry (plain 21000-gas transfers). */
  targetTps?: number
  /** Sealers that may be down while blocks keep coming. Default 1. */
  tolerateFailures?: number
  /** The total alloc the plan calls for, in wei. */
  expectedSupply?: bigint
}

const TRANSFER_GAS = 21_000n
// Digits 0-9 only and at least six trailing zeros: a decimal amount written under a 0x prefix.
const LOOKS_DECIMAL = /^0[xX]([1-9][0-9]*0{6,})$/

// Findings are their own namespace (a list in a report, not thrown), so they keep their short codes.
const LINT_CODE_OF_ERROR: Partial<Record<CliqueErrorCode, LintCode>> = {
  CLIQUE_QUANTITY_INVALID: 'QUANTITY_INVALID',
  CLIQUE_QUANTITY_EMPTY: 'QUANTITY_EMPTY',
  CLIQUE_QUANTITY_NEGATIVE: 'QUANTITY_NEGATIVE',
  CLIQUE_QUANTITY_TOO_LARGE: 'QUANTITY_TOO_LARGE',
}

type Raw = Record<string, unknown>

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hexLooksDecimal(value: unknown, path: string, isBalance: boolean): LintFinding | undefined {
  if (typeof value !== 'string') return undefined
  const match = LOOKS_DECIMAL.exec(value)
  if (!match) return undefined
  const digits = match[1] as string
  const asHex = BigInt(`0x${digits}`)
  const asDecimal = BigInt(digits)
  const message = isBalance
    ? `${value} is read as hex: ${formatCoins(asHex)} coins (${asHex} wei). Its digits look like the decimal ${digits} wei = ${formatCoins(asDecimal)} coins; to mean that, write ${numberToHex(asDecimal)} or the decimal string "${digits}".`
    : `${value} is read as hex: ${asHex}. Its digits look like the decimal ${digits}; to mean that, write ${numberToHex(asDecimal)} or "${digits}".`
  return { code: 'HEX_LOOKS_DECIMAL', severity: isBalance ? 'error' : 'warning', message, path }
}

function rawJson(input: unknown): unknown {
  if (typeof input === 'string') {
    try {
      return JSON.parse(input)
    } catch {
      return input // parseGenesis reports it
    }
  }
  if (isRecord(input) && typeof input.gasLimit === 'bigint') return toGenesisJson(input as Genesis)
  return input
}

/**
 * Finds real mistakes in a Clique genesis (a JSON string, the parsed file, or a typed Genesis):
 * decimal amounts under a hex prefix, a signer set that halts with one sealer down, a gas limit
 * below the target throughput, missing or unsupported forks, malformed extraData, a supply that
 * differs from the plan. Never throws for bad input: a file that does not parse is one finding.
 */
export function lintGenesis(input: unknown, options: LintGenesisOptions = {}): LintFinding[] {
  const { targetTps, tolerateFailures = 1, expectedSupply } = options
  const findings: LintFinding[] = []
  const add = (code: LintCode, severity: LintFinding['severity'], path: string, message: string) =>
    findings.push({ code, severity, message, path })
  const raw = rawJson(input)

  // Raw-text checks first: they need the digits as written, which parsing loses.
  if (isRecord(raw)) {
    for (const field of ['gasLimit', 'difficulty', 'baseFeePerGas', 'timestamp', 'nonce']) {
      const finding = hexLooksDecimal(raw[field], field, false)
      if (finding) findings.push(finding)
    }
    if (isRecord(raw.alloc)) {
      for (const [key, account] of Object.entries(raw.alloc)) {
        if (!isRecord(account)) continue
        const balance = hexLooksDecimal(account.balance, `alloc.${key}.balance`, true)
        if (balance) findings.push(balance)
        const nonce = hexLooksDecimal(account.nonce, `alloc.${key}.nonce`, false)
        if (nonce) findings.push(nonce)
      }
    }
  }

  let genesis: Genesis
  try {
    genesis = parseGenesis(raw)
  } catch (error) {
    if (!(error instanceof CliqueError)) throw error
    add(LINT_CODE_OF_ERROR[error.code] ?? 'GENESIS_INVALID', 'error', error.path ?? '$', error.shortMessage)
    return findings
  }
  const { config } = genesis

  // extraData and the signer set.
  let signers: string[] = []
  try {
    const decoded = decodeExtraData(genesis.extraData, { strict: false })
    signers = decoded.signers
    for (const problem of decoded.problems) {
      add(
        problem.code === 'CLIQUE_DUPLICATE_SIGNER' ? 'DUPLICATE_SIGNER' : 'SIGNERS_UNSORTED',
        'error',
        problem.path ?? 'extraData',
        problem.shortMessage,
      )
    }
    if (signers.length === 0)
      add('EXTRA_DATA_INVALID', 'error', 'extraData', 'extraData lists no signers: nobody can seal block 1')
  } catch (error) {
    if (!(error instanceof CliqueError)) throw error
    add(
      'EXTRA_DATA_INVALID',
      'error',
      'extraData',
      `${error.shortMessage} (expected 32 bytes vanity + 20 bytes per signer + 65 bytes seal)`,
    )
  }
  const unique = new Set(signers.map((s) => s.toLowerCase())).size
  if (unique > 0) {
    const quorum = cliqueQuorum(unique)
    const tolerated = unique - quorum
    if (tolerated < tolerateFailures) {
      const needed = 2 * tolerateFailures + 1
      add(
        'SEALER_QUORUM',
        'error',
        'extraData',
        `${unique} sealer${unique === 1 ? '' : 's'}: Clique needs floor(N/2)+1 = ${quorum} live, so ${tolerated === 0 ? 'one sealer down halts the chain' : `only ${tolerated} may be down`}; tolerating ${tolerateFailures} down needs ${needed} sealers.`,
      )
    }
  }

  // Clique parameters.
  if (config.clique.period === 0) {
    add(
      'PERIOD_ZERO',
      'error',
      'config.clique.period',
      'period 0 makes geth seal only when transactions are pending: no steady block time',
    )
  }
  if (config.clique.epoch === 0) {
    add(
      'EPOCH_INVALID',
      'warning',
      'config.clique.epoch',
      'epoch 0 is silently replaced by 30000 in geth; write the value you mean',
    )
  }

  // Forks: geth refuses a later fork without an earlier required one; berlin/london are expected.
  let laterSet: string | undefined
  for (const fork of [...BLOCK_FORKS].reverse()) {
    const value = config[fork.name]
    if (value !== undefined) laterSet ??= fork.name
    else if (!fork.optional && laterSet) {
      add(
        'MISSING_FORK',
        'error',
        `config.${fork.name}`,
        `${fork.name} is missing while ${laterSet} is set: geth refuses the fork order`,
      )
    }
  }
  for (const name of ['berlinBlock', 'londonBlock'] as const) {
    if (config[name] === undefined) {
      add(
        'MISSING_FORK',
        'warning',
        `config.${name}`,
        `${name} is absent: the chain stays on ${config.berlinBlock === undefined ? 'Istanbul' : 'Berlin'} rules (no ${name === 'londonBlock' ? 'EIP-1559 base fee, BASEFEE opcode' : 'EIP-2929/2930 access lists'}); set it to 0 for a new chain`,
      )
    }
  }
  for (const name of UNSUPPORTED_FORKS) {
    if (config[name] !== undefined) {
      add('UNSUPPORTED_FORK', 'error', `config.${name}`, `${name} is set: geth cannot seal a Clique chain past London`)
    }
  }
  if (config.terminalTotalDifficulty !== undefined) {
    add(
      'UNSUPPORTED_FORK',
      'error',
      'config.terminalTotalDifficulty',
      'terminalTotalDifficulty hands block production to a beacon chain: Clique stops sealing there',
    )
  }

  // Capacity against the target.
  if (targetTps !== undefined && config.clique.period > 0) {
    const period = BigInt(config.clique.period)
    const capacityTimes100 = (genesis.gasLimit * 100n) / (TRANSFER_GAS * period)
    if (capacityTimes100 < BigInt(targetTps) * 100n) {
      const plan = planCapacity({ tps: targetTps, period: config.clique.period })
      add(
        'CAPACITY_BELOW_TARGET',
        'error',
        'gasLimit',
        `gasLimit ${genesis.gasLimit.toLocaleString('en-US')} at a ${config.clique.period} s period carries ${formatRatio(genesis.gasLimit, TRANSFER_GAS * period, 2)} transfers/s (21000 gas each), below the target ${targetTps} TPS; ${targetTps} TPS needs ${plan.requiredGasPerBlock.toLocaleString('en-US')} gas a block (planCapacity with 20% headroom: ${plan.gasLimit.toLocaleString('en-US')}).`,
      )
    }
  }

  // Supply.
  const accounts = Object.entries(genesis.alloc)
  const total = accounts.reduce((sum, [, account]) => sum + account.balance, 0n)
  if (expectedSupply !== undefined && total !== expectedSupply) {
    const difference = total - expectedSupply
    add(
      'SUPPLY_MISMATCH',
      'error',
      'alloc',
      `alloc holds ${formatCoins(total)} coins, the plan expects ${formatCoins(expectedSupply)} (${difference > 0n ? '+' : ''}${formatCoins(difference)}).`,
    )
  }

  // The source meant to fund the sealers' accounts; say so when the money went elsewhere.
  const rawKeys = new Map<string, string>()
  if (isRecord(raw) && isRecord(raw.alloc)) {
    for (const key of Object.keys(raw.alloc)) rawKeys.set(getAddress(key.length === 40 ? `0x${key}` : key), key)
  }
  if (signers.length > 0) {
    const sealerSet = new Set(signers.map((s) => getAddress(s)))
    const sealersHold = accounts
      .filter(([address]) => sealerSet.has(address as `0x${string}`))
      .reduce((s, [, a]) => s + a.balance, 0n)
    const [richest] = accounts
      .filter(([address]) => !sealerSet.has(address as `0x${string}`))
      .sort(([, a], [, b]) => (b.balance > a.balance ? 1 : b.balance < a.balance ? -1 : 0))
    if (sealersHold === 0n && richest && richest[1].balance > 10n ** 18n) {
      add(
        'FUNDED_ACCOUNT_NOT_SEALER',
        'info',
        `alloc.${rawKeys.get(richest[0]) ?? richest[0]}`,
        `the funded account ${richest[0]} is not a sealer and the sealers hold nothing; sealing needs no balance, but check that this is the account the plan meant to fund.`,
      )
    }
  }
  return findings
}
