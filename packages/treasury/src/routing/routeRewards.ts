import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { type EthersProvider, type EthersSigner, toViemClient } from '@chainops/core/ethers'
import {
  type Address,
  erc20Abi,
  getAddress,
  type Hash,
  isAddressEqual,
  type PublicClient,
  parseEventLogs,
  type TransactionReceipt,
} from 'viem'
import { collectSafeSignatures } from '../safe/collectSafeSignatures.ts'
import { executeSafeTransaction } from '../safe/executeSafeTransaction.ts'
import type { ProtocolKitSafe } from '../safe/ProtocolKitSafe.ts'
import { proposeSafeTransaction } from '../safe/proposeSafeTransaction.ts'
import type { SafeOwnerSigner } from '../safe/SafeOwnerSigner.ts'
import { signSafeTransaction } from '../safe/signSafeTransaction.ts'
import type { SplitV2Params } from '../splits/SplitV2Params.ts'
import { splitsNativeToken } from '../splits/splitsNativeToken.ts'
import { RoutingError } from './RoutingError.ts'
import { rewardRouteCalls } from './rewardRouteCalls.ts'

export type RouteRewardsParameters = {
  /** The reward Safe, connected with an executor (`connectSafe({ executor })`). */
  safe: ProtocolKitSafe
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** The payout split; its controller is the Safe. */
  split: { address: Address; params: SplitV2Params }
  /** An ERC-20 reward (stETH, RPL...); absent for ETH. */
  token?: Address
  /** Default: everything the Safe holds of the asset. */
  amount?: bigint
  /** Receives the split's distribution incentive; default the Safe itself. */
  distributor?: Address
  /** The M owners who sign, each on their own copy (collected before execution). */
  signers: readonly (SafeOwnerSigner | EthersSigner)[]
}

export type RouteRewardsReturnType = {
  amount: bigint
  token: Address
  safeTxHash: Hash
  hash: Hash
  receipt: TransactionReceipt
}

/**
 * Routes rewards from the Safe's balance to the recipients in ONE Safe transaction: a
 * MultiSendCallOnly batch that funds the split and distributes exactly that amount. Each signer
 * signs the same proposal; the signatures are collected and the batch executed once M are in
 * (fewer, or a non-owner's, fail before anything is sent). Resolves when the split has reported
 * the distribution (SplitDistributed with the amount) in the same transaction.
 */
export async function routeRewards(parameters: RouteRewardsParameters): Promise<RouteRewardsReturnType> {
  const { safe, split, signers } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const safeAddress = getAddress(await safe.getAddress())
  const token = parameters.token ? getAddress(parameters.token) : undefined
  const balance = token
    ? await publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [safeAddress] })
    : await publicClient.getBalance({ address: safeAddress })
  const amount = parameters.amount ?? balance
  if (amount <= 0n) {
    throw new RoutingError({
      code: 'ROUTING_NOTHING_TO_ROUTE',
      shortMessage: `nothing to route from ${safeAddress}`,
      details: `amount ${amount}, balance ${balance}`,
    })
  }
  if (amount > balance) {
    throw new RoutingError({
      code: 'ROUTING_INSUFFICIENT_BALANCE',
      shortMessage: `the Safe holds ${balance}, ${amount} was asked for`,
    })
  }

  const calls = rewardRouteCalls({ split, token, amount, distributor: parameters.distributor ?? safeAddress })
  const { transaction } = await proposeSafeTransaction({ safe, calls })
  const signed = []
  for (const signer of signers) signed.push((await signSafeTransaction({ safe, transaction, signer })).transaction)
  const collected = await collectSafeSignatures({ safe, transactions: signed.length ? signed : [transaction] })
  const executed = await executeSafeTransaction({ safe, publicClient, transaction: collected })

  const distributedToken = token ?? splitsNativeToken
  const distributed = parseEventLogs({
    abi: splitV2ABI,
    logs: executed.receipt.logs,
    eventName: 'SplitDistributed',
  }).some(
    (log) =>
      isAddressEqual(log.address, split.address) &&
      isAddressEqual(log.args.token, distributedToken) &&
      log.args.amount === amount,
  )
  if (!distributed) {
    throw new RoutingError({
      code: 'ROUTING_NOT_DISTRIBUTED',
      shortMessage: `the split ${split.address} reported no distribution of ${amount}`,
      details: `transaction ${executed.hash}`,
    })
  }
  return {
    amount,
    token: distributedToken,
    safeTxHash: executed.safeTxHash,
    hash: executed.hash,
    receipt: executed.receipt,
  }
}
