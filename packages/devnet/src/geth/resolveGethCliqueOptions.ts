import { buildGenesis, CliqueError, decodeExtraData, type Genesis } from '@chainops/clique'
import { Secret } from '@chainops/core'
import { type Address, getAddress, type Hex, isAddress, isAddressEqual, isHex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { DevnetError } from '../DevnetError.ts'
import type { StartGethCliqueParameters } from './StartGethCliqueParameters.ts'
import { withGenesisBalances } from './withGenesisBalances.ts'

/** Options after validation, with defaults applied and every key generated or pinned. */
export type ResolvedGethCliqueOptions = {
  sealers: number
  period: number
  chainId: number
  gasLimit: bigint
  /** The genesis geth is initialised with: the caller's or a minimal one, faucet and prefund funded. */
  genesis: Genesis
  sealerKeys: Secret<Hex>[]
  sealerAddresses: Address[]
  /** Sealing nodes the genesis does not list (they seal once voted in). */
  candidateKeys: Secret<Hex>[]
  candidateAddresses: Address[]
  faucet: { address: Address; privateKey: Secret<Hex>; balanceWei: bigint }
  prefund: Array<{ address: Address; balanceWei: bigint }>
  rpcNode: boolean
  ws: boolean
  dir: string | undefined
  label: string
  extraArgs: string[]
  keepDirOnFailure: boolean
  readyTimeoutMs: number
}

const defaultChainId = 2789
const defaultGasLimit = 30_000_000n
const defaultFaucetBalance = 10n ** 24n // one million coins
const maxSealers = 16

function bad(shortMessage: string, details?: string, cause?: unknown): never {
  throw new DevnetError({
    code: 'DEVNET_BAD_OPTIONS',
    shortMessage,
    ...(details === undefined ? {} : { details }),
    ...(cause === undefined ? {} : { cause }),
  })
}

function isPrivateKey(value: unknown): value is Hex {
  return typeof value === 'string' && isHex(value, { strict: true }) && value.length === 66 && BigInt(value) !== 0n
}

function isPositiveInteger(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max
}

/**
 * Checks every option of `startGethClique` before anything touches the disk, so a bad call fails
 * with DEVNET_BAD_OPTIONS and a reason instead of a geth log to decipher.
 */
export function resolveGethCliqueOptions(options: StartGethCliqueParameters): ResolvedGethCliqueOptions {
  if (typeof options !== 'object' || options === null) bad('startGethClique needs an options object')
  const { sealers, period } = options
  if (!isPositiveInteger(sealers, maxSealers))
    bad(`sealers must be an integer from 1 to ${maxSealers}`, `got ${sealers}`)
  if (!isPositiveInteger(period, 3600)) bad('period must be a whole number of seconds from 1 to 3600', `got ${period}`)
  if (options.chainId !== undefined && !isPositiveInteger(options.chainId)) {
    bad('chainId must be a positive safe integer', `got ${options.chainId}`)
  }
  if (options.gasLimit !== undefined && (typeof options.gasLimit !== 'bigint' || options.gasLimit < 5000n)) {
    bad('gasLimit must be a bigint of at least 5000', `got ${String(options.gasLimit)}`)
  }
  for (const flag of ['rpcNode', 'ws', 'keepDirOnFailure'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') bad(`${flag} must be a boolean`)
  }
  if (options.dir !== undefined && (typeof options.dir !== 'string' || options.dir === '')) {
    bad('dir must be a non-empty path')
  }
  const label = options.label ?? 'geth'
  if (typeof label !== 'string' || !/^[a-z0-9][a-z0-9-]{0,31}$/i.test(label)) {
    bad('label must be 1-32 letters, digits or dashes', `got ${String(label)}`)
  }
  const extraArgs = options.extraArgs ?? []
  if (!Array.isArray(extraArgs) || extraArgs.some((arg) => typeof arg !== 'string')) {
    bad('extraArgs must be an array of strings')
  }
  if (options.readyTimeoutMs !== undefined && !isPositiveInteger(options.readyTimeoutMs)) {
    bad('readyTimeoutMs must be a positive integer')
  }

  // Keys: pinned ones are checked, missing ones generated.
  if (options.sealerKeys !== undefined) {
    if (!Array.isArray(options.sealerKeys) || options.sealerKeys.length !== sealers) {
      bad(`sealerKeys must hold exactly ${sealers} private key(s), one per sealer`)
    }
    if (!options.sealerKeys.every(isPrivateKey)) bad('every sealer key must be 32 bytes of 0x-prefixed hex, not zero')
    if (new Set(options.sealerKeys.map((key) => key.toLowerCase())).size !== sealers) bad('sealerKeys repeat a key')
  }
  const sealerKeys = (options.sealerKeys ?? Array.from({ length: sealers }, () => generatePrivateKey())).map(
    (key) => new Secret<Hex>(key),
  )
  const sealerAddresses = sealerKeys.map((key) => privateKeyToAccount(key.reveal()).address)

  const candidates = options.candidateKeys ?? []
  if (!Array.isArray(candidates) || candidates.length + sealers > maxSealers) {
    bad(`candidateKeys must be an array, with sealers + candidates at most ${maxSealers}`)
  }
  if (!candidates.every(isPrivateKey)) bad('every candidate key must be 32 bytes of 0x-prefixed hex, not zero')
  const allKeys = [
    ...sealerKeys.map((key) => key.reveal().toLowerCase()),
    ...candidates.map((key) => key.toLowerCase()),
  ]
  if (new Set(allKeys).size !== allKeys.length) bad('candidateKeys repeat a key, or a sealer key')
  const candidateKeys = candidates.map((key) => new Secret<Hex>(key))
  const candidateAddresses = candidateKeys.map((key) => privateKeyToAccount(key.reveal()).address)

  if (options.faucetKey !== undefined && !isPrivateKey(options.faucetKey)) {
    bad('faucetKey must be 32 bytes of 0x-prefixed hex, not zero')
  }
  const faucetBalance = options.faucetBalanceWei ?? defaultFaucetBalance
  if (typeof faucetBalance !== 'bigint' || faucetBalance < 0n) bad('faucetBalanceWei must be a non-negative bigint')
  const faucetKey = new Secret<Hex>(options.faucetKey ?? generatePrivateKey())
  const faucet = {
    address: privateKeyToAccount(faucetKey.reveal()).address,
    privateKey: faucetKey,
    balanceWei: faucetBalance,
  }

  const prefund: ResolvedGethCliqueOptions['prefund'] = []
  for (const [i, entry] of (options.prefund ?? []).entries()) {
    if (typeof entry !== 'object' || entry === null || typeof entry.address !== 'string' || !isAddress(entry.address)) {
      bad(`prefund[${i}].address is not an address`)
    }
    if (typeof entry.balanceWei !== 'bigint' || entry.balanceWei < 0n) {
      bad(`prefund[${i}].balanceWei must be a non-negative bigint`)
    }
    const address = getAddress(entry.address)
    if (address === faucet.address || prefund.some((other) => other.address === address)) {
      bad(`prefund[${i}] repeats ${address}`)
    }
    prefund.push({ address, balanceWei: entry.balanceWei })
  }

  const balances = [{ address: faucet.address, balanceWei: faucet.balanceWei }, ...prefund]
  if (options.genesis !== undefined) checkGenesis(options, sealerAddresses, candidateAddresses)
  const chainId = options.genesis?.config.chainId ?? options.chainId ?? defaultChainId
  const gasLimit = options.genesis?.gasLimit ?? options.gasLimit ?? defaultGasLimit
  let genesis: Genesis
  if (options.genesis !== undefined) {
    genesis = withGenesisBalances(options.genesis, balances)
  } else {
    if (options.predeploys !== undefined && !Array.isArray(options.predeploys)) bad('predeploys must be an array')
    const alloc: Record<string, { balance: bigint }> = {}
    for (const { address, balanceWei } of balances) alloc[address] = { balance: balanceWei }
    try {
      genesis = buildGenesis({
        chainId,
        period,
        sealers: sealerAddresses,
        gasLimit,
        alloc,
        predeploys: options.predeploys ?? [],
      })
    } catch (error) {
      if (!(error instanceof CliqueError)) throw error
      bad(`the devnet genesis cannot be built: ${error.shortMessage}`, error.path, error)
    }
  }

  return {
    sealers,
    period,
    chainId,
    gasLimit,
    genesis,
    sealerKeys,
    sealerAddresses,
    candidateKeys,
    candidateAddresses,
    faucet,
    prefund,
    rpcNode: options.rpcNode ?? true,
    ws: options.ws ?? false,
    dir: options.dir,
    label,
    extraArgs: [...extraArgs],
    keepDirOnFailure: options.keepDirOnFailure ?? false,
    readyTimeoutMs: options.readyTimeoutMs ?? 60_000,
  }
}

/** A caller's genesis must list the sealers (and only them) and agree with the other options. */
function checkGenesis(
  options: StartGethCliqueParameters,
  sealerAddresses: readonly Address[],
  candidateAddresses: readonly Address[],
): void {
  const genesis = options.genesis
  if (typeof genesis !== 'object' || genesis === null || typeof genesis.config !== 'object' || !genesis.config) {
    bad('genesis must be a Clique genesis (e.g. from buildGenesis) with a config')
  }
  if (options.sealerKeys === undefined) {
    bad('a genesis needs sealerKeys', 'its extraData names the sealers, so their keys must be given to run them')
  }
  if (options.gasLimit !== undefined) bad('give gasLimit in the genesis, not beside it')
  if (options.predeploys !== undefined) bad('give predeploys in the genesis, not beside it')
  let signers: Address[]
  try {
    signers = decodeExtraData(genesis.extraData).signers
  } catch (error) {
    bad(
      'genesis.extraData is not Clique extraData (32-byte vanity, 20 bytes per signer, 65-byte seal)',
      undefined,
      error,
    )
  }
  const listed = (address: Address) => signers.some((signer) => isAddressEqual(signer, address))
  const missing = sealerAddresses.filter((address) => !listed(address))
  if (missing.length > 0) bad('genesis.extraData does not list every sealer', `missing ${missing.join(', ')}`)
  const candidates = candidateAddresses.filter(listed)
  if (candidates.length > 0) {
    bad('a candidate is already a genesis signer: give its key in sealerKeys', candidates.join(', '))
  }
  if (genesis.config.clique?.period !== options.period) {
    bad('genesis.config.clique.period differs from period', `${genesis.config.clique?.period} vs ${options.period}`)
  }
  if (!isPositiveInteger(genesis.config.chainId)) bad('genesis.config.chainId must be a positive integer')
  if (options.chainId !== undefined && options.chainId !== genesis.config.chainId) {
    bad('chainId differs from genesis.config.chainId', `${options.chainId} vs ${genesis.config.chainId}`)
  }
  if (typeof genesis.gasLimit !== 'bigint') bad('genesis.gasLimit must be a bigint')
}
