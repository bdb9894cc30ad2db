import {
  BLOCK_FORKS,
  CliqueError,
  decodeExtraData,
  formatCoins,
  genesisHash,
  parseGenesis,
  UNSUPPORTED_FORKS,
} from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops genesis inspect` does once its flags are parsed; loaded only when that command runs. */
export async function runGenesisInspect({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the genesis JSON to inspect)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  const genesis = parseGenesis(readTextFile(file, 'genesis'))
  const { signers } = decodeExtraData(genesis.extraData, { strict: false })
  const forks: Record<string, number> = {}
  for (const name of [...BLOCK_FORKS.map((f) => f.name), ...UNSUPPORTED_FORKS]) {
    const value = genesis.config[name]
    if (value !== undefined) forks[name] = value
  }
  const accounts = Object.values(genesis.alloc)
  const totalAllocWei = accounts.reduce((sum, account) => sum + account.balance, 0n)
  let hash: string | null = null
  let hashError: string | undefined
  try {
    hash = genesisHash(genesis).hash
  } catch (error) {
    if (!(error instanceof CliqueError)) throw error
    hashError = error.shortMessage
  }
  const summary = {
    chainId: genesis.config.chainId,
    period: genesis.config.clique.period,
    epoch: genesis.config.clique.epoch,
    gasLimit: genesis.gasLimit,
    baseFeePerGas: genesis.baseFeePerGas ?? null,
    forks,
    signers,
    accounts: accounts.length,
    totalAllocWei,
    totalAllocCoins: formatCoins(totalAllocWei),
    hash,
    ...(hashError ? { hashError } : {}),
  }
  if (values.json) {
    io.out(toJsonText(summary))
    return 0
  }
  const forkText = Object.entries(forks)
    .map(([name, at]) => `${name.replace(/(Block|Time)$/, '')} ${at}`)
    .join(', ')
  io.out(
    formatTable(
      ['FIELD', 'VALUE'],
      [
        ['chainId', String(summary.chainId)],
        ['period', `${summary.period} s`],
        ['epoch', String(summary.epoch)],
        ['gasLimit', summary.gasLimit.toLocaleString('en-US')],
        ['baseFeePerGas', summary.baseFeePerGas === null ? '-' : `${summary.baseFeePerGas} wei`],
        ['forks', forkText || 'none'],
        ['signers', `${signers.length}`],
        ...signers.map((s, i) => [`  signer ${i + 1}`, s]),
        ['alloc accounts', String(summary.accounts)],
        ['total alloc', `${summary.totalAllocCoins} coins`],
        ['genesis hash', hash ?? `none (${hashError})`],
      ],
    ),
  )
  return 0
}
