import * as v from 'valibot'
import { type Address, getAddress, type Hex } from 'viem'
import { CliqueError, type CliqueErrorCode } from '../errors/CliqueError.ts'
import { parseHexBytes } from '../hex/parseHexBytes.ts'
import { parseQuantity } from '../hex/parseQuantity.ts'
import { parseStorageWord } from '../hex/parseStorageWord.ts'
import { BLOCK_FORKS, UNSUPPORTED_FORKS } from './forks.ts'
import type { Genesis, GenesisAccount, GenesisConfig } from './Genesis.ts'

export type ParseGenesisErrorType = CliqueError

/** geth's gas limit for a genesis whose gasLimit is 0 (params.GenesisGasLimit). */
const GENESIS_DEFAULT_GAS_LIMIT = 4_712_388n

const ZERO_HASH: Hex = `0x${'00'.repeat(32)}`

// Our own readers do the value checks, so the exact CliqueError code travels through valibot in
// the issue's `expected` field and the JSON path comes from valibot's issue path.
function reading<T>(read: (value: unknown) => T) {
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      try {
        return read(dataset.value)
      } catch (error) {
        if (!(error instanceof CliqueError)) throw error
        addIssue({ message: error.shortMessage, expected: error.code })
        return NEVER
      }
    }),
  )
}

const quantity64 = reading((value) => parseQuantity(value, '', { bits: 64 }))
const quantity256 = reading((value) => parseQuantity(value, '', { bits: 256 }))
const bytes = reading((value) => parseHexBytes(value, ''))
const hash32 = reading((value) => parseHexBytes(value, '', { size: 32 }))
const address = reading((value) => getAddress(parseHexBytes(value, '', { size: 20 })))

// geth reads chain config values into *big.Int / uint64 from JSON numbers, never strings.
const configNumber = v.pipe(
  v.number('geth reads chain config values as JSON numbers'),
  v.integer('must be an integer'),
  v.minValue(0, 'must not be negative'),
  v.safeInteger('is beyond 2^53 and has lost precision'),
)

const forkEntries = Object.fromEntries(
  [...BLOCK_FORKS.map((f) => f.name), ...UNSUPPORTED_FORKS].map((name) => [name, v.nullish(configNumber)]),
)

const configSchema = v.looseObject({
  chainId: v.pipe(configNumber, v.minValue(1, 'chainId must be at least 1')),
  clique: v.looseObject(
    { period: configNumber, epoch: configNumber },
    'a Clique genesis needs config.clique with period and epoch',
  ),
  daoForkSupport: v.nullish(v.boolean()),
  terminalTotalDifficulty: v.nullish(configNumber),
  ...forkEntries,
})

const storageSchema = v.pipe(
  v.record(v.string(), v.unknown()),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const storage: Record<Hex, Hex> = {}
    for (const [key, value] of Object.entries(dataset.value)) {
      try {
        const slot = parseStorageWord(key, '')
        if (slot in storage)
          throw new CliqueError({ code: 'CLIQUE_GENESIS_INVALID', shortMessage: `storage slot ${slot} is given twice` })
        storage[slot] = parseStorageWord(value, '')
      } catch (error) {
        if (!(error instanceof CliqueError)) throw error
        addIssue({
          message: error.shortMessage,
          expected: error.code,
          path: [{ type: 'object', origin: 'value', input: dataset.value, key, value }],
        })
        return NEVER
      }
    }
    return storage
  }),
)

const accountSchema = v.looseObject({
  balance: v.pipe(
    v.unknown(),
    v.check(
      (value) => value !== undefined && value !== null,
      'balance is required (geth refuses an account without one)',
    ),
    quantity256,
  ),
  nonce: v.nullish(quantity64),
  code: v.nullish(bytes),
  storage: v.nullish(storageSchema),
})

const allocSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^(0[xX])?[0-9a-fA-F]{40}$/, 'alloc keys must be 20-byte hex addresses')),
    accountSchema,
  ),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const alloc: Record<Address, GenesisAccount> = {}
    for (const [key, account] of Object.entries(dataset.value)) {
      const address = getAddress(key.startsWith('0x') || key.startsWith('0X') ? `0x${key.slice(2)}` : `0x${key}`)
      if (address in alloc) {
        addIssue({
          message: `${address} appears twice in alloc (keys differ only in case or prefix)`,
          expected: 'CLIQUE_GENESIS_INVALID',
          path: [{ type: 'object', origin: 'key', input: dataset.value, key, value: account }],
        })
        return NEVER
      }
      const entry: GenesisAccount = { balance: account.balance }
      if (account.nonce !== undefined && account.nonce !== null) entry.nonce = account.nonce
      if (account.code !== undefined && account.code !== null) entry.code = account.code
      if (account.storage !== undefined && account.storage !== null) entry.storage = account.storage
      alloc[address] = entry
    }
    return alloc
  }),
)

const genesisSchema = v.looseObject({
  config: configSchema,
  nonce: v.nullish(quantity64),
  timestamp: v.nullish(quantity64),
  extraData: v.nullish(bytes),
  // geth refuses a genesis without these two ("missing required field").
  gasLimit: v.pipe(
    v.unknown(),
    v.check(present, 'gasLimit is required (geth refuses a genesis without it)'),
    quantity64,
  ),
  difficulty: v.pipe(
    v.unknown(),
    v.check(present, 'difficulty is required (geth refuses a genesis without it)'),
    quantity256,
  ),
  mixHash: v.nullish(hash32),
  coinbase: v.nullish(address),
  number: v.nullish(quantity64),
  gasUsed: v.nullish(quantity64),
  parentHash: v.nullish(hash32),
  baseFeePerGas: v.nullish(quantity256),
  alloc: v.pipe(
    v.unknown(),
    v.check((value) => value !== undefined, 'alloc is required'),
    allocSchema,
  ),
})

function present(value: unknown): boolean {
  return value !== undefined && value !== null
}

const QUANTITY_CODES = new Set<string>([
  'CLIQUE_QUANTITY_INVALID',
  'CLIQUE_QUANTITY_EMPTY',
  'CLIQUE_QUANTITY_NEGATIVE',
  'CLIQUE_QUANTITY_TOO_LARGE',
])

function pathOf(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((item) => String(item.key)).join('.') || '$'
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.at(-1)
  return issue.message.startsWith('Invalid key') && last ? `${String(last.key)} is required` : issue.message
}

/**
 * Validates a geth Clique genesis (a JSON string or the parsed object) and returns it typed.
 * Every bad field throws a `CliqueError` with the field's JSON path (`alloc.<key>.balance`) and
 * a stable code: CLIQUE_QUANTITY_* for numbers geth would refuse or misread, CLIQUE_GENESIS_INVALID otherwise.
 * Unknown fields are ignored, as geth ignores them.
 */
export function parseGenesis(input: unknown): Genesis {
  let json = input
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input)
    } catch (cause) {
      throw new CliqueError({
        code: 'CLIQUE_GENESIS_INVALID',
        shortMessage: 'genesis is not valid JSON',
        path: '$',
        cause,
      })
    }
  }
  const result = v.safeParse(genesisSchema, json)
  if (!result.success) {
    const [first, ...rest] = result.issues
    const code = (
      first.expected && QUANTITY_CODES.has(first.expected) ? first.expected : 'CLIQUE_GENESIS_INVALID'
    ) as CliqueErrorCode
    throw new CliqueError({
      code,
      shortMessage: `genesis: ${messageOf(first)}`,
      path: pathOf(first),
      metaMessages: rest.slice(0, 10).map((issue) => `also at ${pathOf(issue)}: ${messageOf(issue)}`),
    })
  }
  const raw = result.output
  const config: GenesisConfig = {
    chainId: raw.config.chainId,
    clique: { period: raw.config.clique.period, epoch: raw.config.clique.epoch },
  }
  if (typeof raw.config.daoForkSupport === 'boolean') config.daoForkSupport = raw.config.daoForkSupport
  if (typeof raw.config.terminalTotalDifficulty === 'number')
    config.terminalTotalDifficulty = raw.config.terminalTotalDifficulty
  for (const name of [...BLOCK_FORKS.map((f) => f.name), ...UNSUPPORTED_FORKS]) {
    const value = (raw.config as Record<string, unknown>)[name]
    if (typeof value === 'number') config[name] = value
  }
  return {
    config,
    nonce: raw.nonce ?? 0n,
    timestamp: raw.timestamp ?? 0n,
    extraData: raw.extraData ?? '0x',
    gasLimit: raw.gasLimit || GENESIS_DEFAULT_GAS_LIMIT,
    difficulty: raw.difficulty,
    mixHash: raw.mixHash ?? ZERO_HASH,
    coinbase: raw.coinbase ?? '0x0000000000000000000000000000000000000000',
    number: raw.number ?? 0n,
    gasUsed: raw.gasUsed ?? 0n,
    parentHash: raw.parentHash ?? ZERO_HASH,
    baseFeePerGas: raw.baseFeePerGas ?? undefined,
    alloc: raw.alloc,
  }
}
