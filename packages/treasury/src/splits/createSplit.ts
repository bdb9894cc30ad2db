import { splitV2ABI, splitV2o2FactoryAbi } from '@0xsplits/splits-sdk/constants/abi'
import { type EthersProvider, type EthersSigner, toViemClient, toWalletClient } from '@chainops/core/ethers'
import {
  type Account,
  type Address,
  type Chain,
  getAddress,
  type Hash,
  isAddressEqual,
  type PublicClient,
  parseEventLogs,
  type Transport,
  type WalletClient,
} from 'viem'
import { SplitsError } from './SplitsError.ts'
import type { SplitV2Params } from './SplitV2Params.ts'
import { splitV2Hash } from './splitV2Hash.ts'

export type CreateSplitParameters = {
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** Sends the creation: a viem wallet client or an ethers v6 signer with a provider. */
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner
  /** The push-split factory (SplitsV2 `PushSplitFactory`, or the test double locally). */
  factory: Address
  split: SplitV2Params
  /** The split's controller: the reward Safe, so updates need M owner signatures. */
  owner: Address
  /** Recorded in the SplitCreated event; default the sender. */
  creator?: Address
}

export type CreateSplitReturnType = { address: Address; hash: Hash }

/**
 * Creates a push split through the factory by ABI (the SplitsV2 ABIs `@0xsplits/splits-sdk`
 * ships: `splitV2o2FactoryAbi`, `splitV2ABI`), then reads the split back: its stored hash must be
 * the hash of `split` and its owner the controller asked for.
 */
export async function createSplit(parameters: CreateSplitParameters): Promise<CreateSplitReturnType> {
  const { factory, split, owner } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const walletClient = await toWalletClient(parameters.walletClient)
  const creator = parameters.creator ?? walletClient.account.address
  const hash = await walletClient.writeContract({
    account: walletClient.account,
    chain: walletClient.chain ?? null,
    address: factory,
    abi: splitV2o2FactoryAbi,
    functionName: 'createSplit',
    args: [split, owner, creator],
  })
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  const created = parseEventLogs({ abi: splitV2o2FactoryAbi, logs: receipt.logs, eventName: 'SplitCreated' }).find(
    (log) => isAddressEqual(log.address, factory),
  )
  if (receipt.status !== 'success' || !created) {
    throw new SplitsError({
      code: 'SPLITS_TRANSACTION_FAILED',
      shortMessage: 'createSplit emitted no SplitCreated',
      details: `transaction ${hash}, status ${receipt.status}`,
    })
  }
  const address = getAddress(created.args.split)
  const [storedHash, storedOwner] = await Promise.all([
    publicClient.readContract({ address, abi: splitV2ABI, functionName: 'splitHash' }),
    publicClient.readContract({ address, abi: splitV2ABI, functionName: 'owner' }),
  ])
  if (storedHash !== splitV2Hash(split) || !isAddressEqual(storedOwner, owner)) {
    throw new SplitsError({
      code: 'SPLITS_TRANSACTION_FAILED',
      shortMessage: `the split at ${address} is not the one asked for`,
      details: `hash ${storedHash}, owner ${storedOwner}`,
    })
  }
  return { address, hash }
}
