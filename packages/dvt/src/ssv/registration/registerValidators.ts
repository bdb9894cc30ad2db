import { type EthersProvider, type EthersSigner, toViemClient, toWalletClient } from '@chainops/core/ethers'
import {
  type Account,
  type Address,
  type Chain,
  erc20Abi,
  getAddress,
  type Hash,
  type Hex,
  type PublicClient,
  parseEventLogs,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem'
import type { KeySharesFile } from '../shares/KeySharesFile.ts'
import { parseKeySharesFile } from '../shares/parseKeySharesFile.ts'
import { verifyShares } from '../shares/verifyShares.ts'
import { assertUint256 } from './assertUint256.ts'
import { bulkRegisterValidatorCall } from './bulkRegisterValidatorCall.ts'
import { getClusterSnapshot } from './getClusterSnapshot.ts'
import { getOwnerNonce } from './getOwnerNonce.ts'
import { loadSsvNetworkDeployment } from './loadSsvNetworkDeployment.ts'
import { registerValidatorCall } from './registerValidatorCall.ts'
import { revertErrorName } from './revertErrorName.ts'
import type { SsvCluster } from './SsvCluster.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type RegisterValidatorsParameters = {
  /** Signs as the owner: the account the keyshares file was built for. A viem wallet client or an ethers v6 signer with a provider. */
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** The SSVNetwork proxy. */
  contract: Address
  /** A keyshares file (ssv-keys v1.1 format, parsed or as JSON text): one validator or several of one cluster. */
  keyShares: KeySharesFile | string
  /** SSV (wei) to deposit into the cluster with the registration (0 for none). */
  amount: bigint
  /**
   * The SSV token to approve `amount` of. Default: the token of the SSVNetwork deployment (mainnet
   * or Hoodi, from ssv-scanner) whose proxy is `contract`; required for any other contract when
   * `amount` is not 0.
   */
  token?: Address | undefined
  /** The first block of the log scans (owner nonce, cluster snapshot): SSVNetwork's deployment block or earlier (default: that of the known deployment at `contract`, else 0). */
  fromBlock?: bigint | undefined
}

export type RegisterValidatorsReturnType = {
  /** The registerValidator (one validator) or bulkRegisterValidator (several) transaction. */
  transactionHash: Hash
  /** The approval sent first, when the allowance was short of `amount`. */
  approvalTransactionHash: Hash | undefined
  /** The validators registered, in order. */
  publicKeys: Hex[]
  /** The owner's nonce for the next keyshares file. */
  nextOwnerNonce: number
  /** The cluster's snapshot after the registration, as the last ValidatorAdded of its receipt carries it. */
  cluster: SsvCluster
}

export type RegisterValidatorsErrorType = SsvRegistrationError

/**
 * Registers the validators of a keyshares file with SSVNetwork, from the owner's account. Nothing
 * is sent until every off-chain check passed: the file is for this owner and one cluster, its first
 * nonce is the owner's nonce (counted from the chain's `ValidatorAdded` logs, so a file built
 * before another registration is refused with `SSV_REGISTRATION_STALE_NONCE` rather than burning a
 * nonce with shares the operators cannot use), and `verifyShares` finds nothing. The nonce and the
 * cluster snapshot are read from the logs up to one block height, read once. Then the SSV token is
 * approved if the allowance is short, the registration simulated (a revert names SSVNetwork's
 * error), and one `registerValidator` or `bulkRegisterValidator` sent and awaited; the returned
 * snapshot is decoded from that transaction's own `ValidatorAdded` logs.
 *
 * The nonce check is check-then-send, not atomic: a registration by the same owner mined between
 * the read and this transaction (another process, another machine) makes the shares' signature
 * stale, and SSVNetwork still accepts them (it does not check the signature; the operators do).
 * Run one registration per owner at a time.
 *
 * An approval is sent before the simulation when the allowance is short (the simulation needs it);
 * if the simulation then refuses the registration, the error names the approval transaction, which
 * stays mined.
 */
export async function registerValidators(
  parameters: RegisterValidatorsParameters,
): Promise<RegisterValidatorsReturnType> {
  const { contract } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const walletClient = await toWalletClient(parameters.walletClient)
  const amount = assertUint256(parameters.amount, 'amount')
  const owner = walletClient.account.address
  const known = (['mainnet', 'hoodi'] as const)
    .map((network) => loadSsvNetworkDeployment(network))
    .find((deployment) => deployment.contractAddress === getAddress(contract))
  const fromBlock = parameters.fromBlock ?? known?.genesisBlock ?? 0n
  const token = parameters.token ?? known?.tokenAddress
  if (amount !== 0n && !token) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_INVALID_ARGUMENT',
      shortMessage: `${contract} is not a known SSVNetwork deployment: name the SSV token to approve ${amount} of`,
    })
  }

  let file: KeySharesFile
  try {
    file = parseKeySharesFile(parameters.keyShares)
  } catch (cause) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: 'the keyshares file is not in the ssv-keys v1.1 format',
      details: (cause as { shortMessage?: string }).shortMessage,
      cause,
    })
  }
  const items = file.shares
  const first = items[0] as (typeof items)[number]
  for (const [index, item] of items.entries()) {
    if (item.data.ownerAddress.toLowerCase() !== owner.toLowerCase()) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_KEYSHARES',
        shortMessage: `validator ${index} of the keyshares file is for owner ${item.data.ownerAddress}, the signing account is ${owner}`,
      })
    }
    if (item.payload.operatorIds.join(',') !== first.payload.operatorIds.join(',')) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_KEYSHARES',
        shortMessage: `validator ${index} is for operators ${item.payload.operatorIds.join(',')}, validator 0 for ${first.payload.operatorIds.join(',')}: one registration is one cluster`,
      })
    }
  }

  // One height for the nonce and the snapshot: both describe the same state of the chain.
  const toBlock = await publicClient.getBlockNumber()
  const nonce = await getOwnerNonce(publicClient, { contract, owner, fromBlock, toBlock })
  if (first.data.ownerNonce !== nonce) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_STALE_NONCE',
      shortMessage: `the keyshares file is built for owner nonce ${first.data.ownerNonce}, the owner's nonce on chain is ${nonce}`,
      details: `expected ${nonce}, found ${first.data.ownerNonce} (${owner} has ${nonce} ValidatorAdded events at ${contract}); rebuild the shares for nonce ${nonce}`,
    })
  }
  const verified = verifyShares(file)
  if (!verified.valid) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_KEYSHARES',
      shortMessage: `the keyshares file fails ${verified.findings.length} off-chain check(s); nothing was sent`,
      details: verified.findings.map((finding) => `${finding.code}: ${finding.message}`).join('\n'),
    })
  }

  const operatorIds = first.payload.operatorIds
  const { cluster } = await getClusterSnapshot(publicClient, { contract, owner, operatorIds, fromBlock, toBlock })
  const validators = items.map((item) => ({ publicKey: item.payload.publicKey, sharesData: item.payload.sharesData }))
  const call: SsvNetworkCall =
    validators.length === 1
      ? registerValidatorCall({ contract, operatorIds, amount, cluster, ...(validators[0] as (typeof validators)[0]) })
      : bulkRegisterValidatorCall({ contract, operatorIds, amount, cluster, validators })

  let approvalTransactionHash: Hash | undefined
  if (amount !== 0n && token) {
    const allowance = await publicClient.readContract({
      address: token,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [owner, contract],
    })
    if (allowance < amount) {
      ;({ transactionHash: approvalTransactionHash } = await send(publicClient, 'approve', () =>
        walletClient.writeContract({
          address: token,
          abi: erc20Abi,
          functionName: 'approve',
          args: [contract, amount],
          chain: walletClient.chain,
        }),
      ))
    }
  }

  // Simulated first: a revert then names SSVNetwork's error instead of failing gas estimation blind.
  try {
    await publicClient.call({ account: owner, to: call.to, data: call.data })
  } catch (cause) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_TRANSACTION_FAILED',
      shortMessage: `SSVNetwork at ${contract} refuses the registration: ${revertErrorName(cause) ?? 'reverted'}`,
      details: `operators ${operatorIds.join(',')}, ${validators.length} validator(s): the registration was not sent; ${
        approvalTransactionHash
          ? `the approval of ${amount} for ${contract} was, in transaction ${approvalTransactionHash} (mined, it stays)`
          : 'nothing was sent'
      }`,
      cause,
    })
  }
  const { transactionHash, logs } = await send(publicClient, 'registration', () =>
    walletClient.sendTransaction({ to: call.to, data: call.data, chain: walletClient.chain }),
  )
  const added = parseEventLogs({ abi: ssvNetworkAbi, eventName: 'ValidatorAdded', logs, strict: true }).filter(
    (log) => log.address.toLowerCase() === contract.toLowerCase(),
  )
  const last = added.at(-1)
  if (added.length !== validators.length || !last) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_TRANSACTION_FAILED',
      shortMessage: `the registration transaction ${transactionHash} was mined with ${added.length} ValidatorAdded event(s) from ${contract}, ${validators.length} expected`,
    })
  }
  return {
    transactionHash,
    approvalTransactionHash,
    publicKeys: validators.map((validator) => validator.publicKey.toLowerCase() as Hex),
    nextOwnerNonce: nonce + validators.length,
    cluster: { ...(last.args as unknown as { cluster: SsvCluster }).cluster },
  }
}

async function send(
  publicClient: PublicClient,
  what: string,
  submit: () => Promise<Hash>,
): Promise<{ transactionHash: Hash; logs: TransactionReceipt['logs'] }> {
  let hash: Hash | undefined
  let receipt: TransactionReceipt
  try {
    hash = await submit()
    receipt = await publicClient.waitForTransactionReceipt({ hash })
  } catch (cause) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_TRANSACTION_FAILED',
      shortMessage: `the ${what} transaction failed: ${revertErrorName(cause) ?? (cause as Error).message?.split('\n')[0]}`,
      details: hash ? `transaction ${hash}` : 'not sent',
      cause,
    })
  }
  if (receipt.status !== 'success') {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_TRANSACTION_FAILED',
      shortMessage: `the ${what} transaction ${hash} was mined with status ${receipt.status}`,
    })
  }
  return { transactionHash: hash, logs: receipt.logs }
}
