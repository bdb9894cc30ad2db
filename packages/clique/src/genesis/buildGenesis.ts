import { type Address, getAddress, type Hex, isAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { encodeExtraData } from '../extraData/encodeExtraData.ts'
import { parseHexBytes } from '../hex/parseHexBytes.ts'
import { parseStorageWord } from '../hex/parseStorageWord.ts'
import { BLOCK_FORKS, HARDFORKS, type Hardfork } from './forks.ts'
import type { Genesis, GenesisAccount, GenesisConfig } from './Genesis.ts'
import { INITIAL_BASE_FEE } from './genesisHash.ts'
import type { Predeploy } from './predeploys/Predeploy.ts'

export type BuildGenesisParameters = {
  chainId: number
  /** The initial Clique signers; written sorted into extraData. */
  sealers: readonly string[]
  /** Seconds between blocks; Clique's `period`. Default 5 (the source plan). */
  period?: number
  /** Blocks between checkpoints that reset pending votes. Default 30000. */
  epoch?: number
  /** Every fork up to this one is active at block 0. Default `london`; never Shanghai or later. */
  hardfork?: Hardfork
  /** Default 30,000,000. */
  gasLimit?: bigint
  /** London only. Default 1 gwei (geth's InitialBaseFee), written explicitly into the file. */
  baseFeePerGas?: bigint
  timestamp?: bigint
  vanity?: Hex
  /** Accounts to fund, by address; balances in wei. */
  alloc?: Record<string, GenesisAccount>
  /** Contracts placed at fixed addresses, e.g. `deterministicDeploymentProxy`. */
  predeploys?: readonly Predeploy[]
}

export type BuildGenesisErrorType = CliqueError

/** geth's params.MinGasLimit and the largest gas limit it accepts (2^63-1). */
const MIN_GAS_LIMIT = 5000n
const MAX_GAS_LIMIT = 2n ** 63n - 1n

function fail(path: string, shortMessage: string, details?: string): never {
  throw new CliqueError({ code: 'CLIQUE_GENESIS_INVALID', shortMessage, path, details })
}

function checkedAccount(account: GenesisAccount, path: string): GenesisAccount {
  if (typeof account.balance !== 'bigint' || account.balance < 0n || account.balance >= 2n ** 256n) {
    fail(`${path}.balance`, 'balance must be a bigint in wei between 0 and 2^256-1')
  }
  const out: GenesisAccount = { balance: account.balance }
  if (account.nonce !== undefined) {
    if (typeof account.nonce !== 'bigint' || account.nonce < 0n || account.nonce >= 2n ** 64n) {
      fail(`${path}.nonce`, 'nonce must be a uint64 bigint')
    }
    out.nonce = account.nonce
  }
  if (account.code !== undefined) out.code = parseHexBytes(account.code, `${path}.code`)
  if (account.storage !== undefined) {
    const storage: Record<Hex, Hex> = {}
    for (const [slot, word] of Object.entries(account.storage)) {
      storage[parseStorageWord(slot, `${path}.storage`)] = parseStorageWord(word, `${path}.storage.${slot}`)
    }
    out.storage = storage
  }
  return out
}

/**
 * Builds a Clique genesis geth v1.13 accepts: chainId, every fork through `hardfork` at block 0
 * (London by default, never Shanghai: geth cannot seal Clique past London), the sealers in
 * extraData, the alloc and predeployed contracts. Inputs are checked before anything is built.
 */
export function buildGenesis(parameters: BuildGenesisParameters): Genesis {
  const {
    chainId,
    sealers,
    period = 5,
    epoch = 30_000,
    hardfork = 'london',
    gasLimit = 30_000_000n,
    timestamp = 0n,
    vanity,
    alloc = {},
    predeploys = [],
  } = parameters
  if (!Number.isSafeInteger(chainId) || chainId < 1)
    fail('chainId', 'chainId must be a positive safe integer', `got ${chainId}`)
  if (!Number.isSafeInteger(period) || period < 1) {
    fail(
      'period',
      'period must be a whole number of seconds, at least 1',
      'period 0 makes geth seal only when transactions arrive',
    )
  }
  if (!Number.isSafeInteger(epoch) || epoch < 1) fail('epoch', 'epoch must be a positive integer')
  if (!HARDFORKS.includes(hardfork))
    fail('hardfork', `hardfork must be one of ${HARDFORKS.join(', ')}`, `got ${String(hardfork)}`)
  if (typeof gasLimit !== 'bigint' || gasLimit < MIN_GAS_LIMIT || gasLimit > MAX_GAS_LIMIT) {
    fail('gasLimit', `gasLimit must be a bigint between ${MIN_GAS_LIMIT} and 2^63-1`, `got ${String(gasLimit)}`)
  }
  if (typeof timestamp !== 'bigint' || timestamp < 0n || timestamp >= 2n ** 64n)
    fail('timestamp', 'timestamp must be a uint64 bigint')
  if (sealers.length === 0) fail('sealers', 'a Clique chain needs at least one sealer')
  const london = hardfork === 'london'
  if (parameters.baseFeePerGas !== undefined && !london)
    fail('baseFeePerGas', 'baseFeePerGas exists only from London on')
  const baseFeePerGas = london ? (parameters.baseFeePerGas ?? INITIAL_BASE_FEE) : undefined
  if (baseFeePerGas !== undefined && (baseFeePerGas < 0n || baseFeePerGas >= 2n ** 256n))
    fail('baseFeePerGas', 'baseFeePerGas out of range')

  const config: GenesisConfig = { chainId, clique: { period, epoch } }
  const through = HARDFORKS.indexOf(hardfork)
  for (const fork of BLOCK_FORKS) {
    if (fork.hardfork !== null && HARDFORKS.indexOf(fork.hardfork) <= through) config[fork.name] = 0
  }

  const accounts: Record<Address, GenesisAccount> = {}
  for (const [key, account] of Object.entries(alloc)) {
    if (!isAddress(key, { strict: false })) fail(`alloc.${key}`, 'alloc keys must be addresses')
    const address = getAddress(key)
    if (address in accounts) fail(`alloc.${key}`, `${address} is given twice`)
    accounts[address] = checkedAccount(account, `alloc.${key}`)
  }
  for (const [index, predeploy] of predeploys.entries()) {
    const path = `predeploys.${index}`
    if (!isAddress(predeploy.address, { strict: false })) fail(`${path}.address`, 'predeploy address is not an address')
    const address = getAddress(predeploy.address)
    if (address in accounts)
      fail(`${path}.address`, `predeploy ${predeploy.name} collides with another account at ${address}`)
    accounts[address] = checkedAccount(
      // Contracts created since EIP-161 start at nonce 1; a predeploy looks like one that was deployed.
      { balance: predeploy.balance ?? 0n, code: predeploy.code, storage: predeploy.storage, nonce: 1n },
      path,
    )
  }

  return {
    config,
    nonce: 0n,
    timestamp,
    extraData: encodeExtraData({ signers: sealers, vanity }),
    gasLimit,
    difficulty: 1n,
    mixHash: `0x${'00'.repeat(32)}`,
    coinbase: '0x0000000000000000000000000000000000000000',
    number: 0n,
    gasUsed: 0n,
    parentHash: `0x${'00'.repeat(32)}`,
    baseFeePerGas,
    alloc: accounts,
  }
}
