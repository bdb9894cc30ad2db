import { type EthersProvider, type EthersSigner, toViemClient, toWalletClient } from '@chainops/core/ethers'
import {
  type Account,
  type Chain,
  concat,
  getContractAddress,
  type Hash,
  isAddressEqual,
  keccak256,
  type PublicClient,
  pad,
  type Transport,
  type WalletClient,
} from 'viem'
import { loadSafeSingletonFactory } from './loadSafeSingletonFactory.ts'
import { readSafeArtifact } from './readSafeArtifact.ts'
import type { SafeContracts } from './SafeContracts.ts'
import { SafeError } from './SafeError.ts'
import { safeV141Contracts } from './safeV141Contracts.ts'

export type DeploySafeContractsParameters = {
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** Pays for the deployments; any funded account (CREATE2 makes the sender irrelevant). */
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner
}

export type DeploySafeContractsReturnType = {
  contracts: SafeContracts
  /** The contracts this call deployed; the others were already there with the right code. */
  deployed: readonly (keyof SafeContracts)[]
}

export type DeploySafeContractsErrorType = SafeError

const SALT = pad('0x', { size: 32 })

/**
 * Deploys the Safe v1.4.1 contracts (the release's own bytecode from `@safe-global/safe-contracts`)
 * through the Safe singleton factory with salt 0, the way the Safe team deploys them on every
 * chain, and asserts that each one is at its canonical address with the canonical code hash.
 *
 * The factory must already be on the chain: on Hardhat through `placeSafeSingletonFactory`, on
 * geth as a genesis predeploy (`safeSingletonFactoryPredeploy`). Contracts already present with
 * the right code are left alone, so the call is idempotent.
 */
export async function deploySafeContracts(
  parameters: DeploySafeContractsParameters,
): Promise<DeploySafeContractsReturnType> {
  const publicClient = toViemClient(parameters.publicClient)
  const walletClient = await toWalletClient(parameters.walletClient)
  const factory = await loadSafeSingletonFactory()
  const factoryCode = await publicClient.getCode({ address: factory.address })
  if (!factoryCode || keccak256(factoryCode) !== keccak256(factory.runtimeCode)) {
    throw new SafeError({
      code: 'SAFE_FACTORY_MISSING',
      shortMessage: `the Safe singleton factory is not at ${factory.address}`,
      details: factoryCode
        ? 'another code is at its address'
        : 'place it first: placeSafeSingletonFactory on Hardhat, safeSingletonFactoryPredeploy in a geth genesis',
    })
  }

  const pending: { name: keyof SafeContracts; hash: Hash }[] = []
  let nonce = await publicClient.getTransactionCount({ address: walletClient.account.address, blockTag: 'pending' })
  for (const contract of safeV141Contracts) {
    const { bytecode } = readSafeArtifact(contract)
    const predicted = getContractAddress({ opcode: 'CREATE2', from: factory.address, salt: SALT, bytecode })
    if (!isAddressEqual(predicted, contract.address)) {
      throw new SafeError({
        code: 'SAFE_ADDRESS_MISMATCH',
        shortMessage: `${contract.name} would land at ${predicted}, not at its canonical ${contract.address}`,
        details: 'the artifact in @safe-global/safe-contracts is not the v1.4.1 release build',
      })
    }
    const existing = await publicClient.getCode({ address: contract.address })
    if (existing && existing !== '0x') continue
    const hash = await walletClient.sendTransaction({
      account: walletClient.account,
      chain: walletClient.chain ?? null,
      to: factory.address,
      data: concat([SALT, bytecode]),
      nonce: nonce++,
    })
    pending.push({ name: contract.name, hash })
  }

  for (const { name, hash } of pending) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') {
      throw new SafeError({
        code: 'SAFE_TRANSACTION_FAILED',
        shortMessage: `deploying ${name} through the singleton factory reverted`,
        details: `transaction ${hash}`,
      })
    }
  }

  const contracts = {} as SafeContracts
  for (const contract of safeV141Contracts) {
    const code = await publicClient.getCode({ address: contract.address })
    const codeHash = code ? keccak256(code) : undefined
    if (codeHash !== contract.codeHash) {
      throw new SafeError({
        code: 'SAFE_CODE_HASH_MISMATCH',
        shortMessage: `the code at ${contract.address} is not ${contract.name} v1.4.1`,
        details: `code hash ${codeHash ?? '(no code)'}, expected ${contract.codeHash}`,
      })
    }
    contracts[contract.name] = contract.address
  }
  return { contracts, deployed: pending.map(({ name }) => name) }
}
