import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import {
  type Address,
  getAddress,
  type Hash,
  type Hex,
  isAddressEqual,
  type PublicClient,
  parseAbi,
  parseEventLogs,
  type TransactionReceipt,
} from 'viem'
import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import { SafeError } from './SafeError.ts'
import type { SafeTransaction } from './SafeTransaction.ts'
import { verifySafeSignature } from './verifySafeSignature.ts'

export type ExecuteSafeTransactionParameters = {
  /** A protocol-kit instance connected with an executor (`connectSafe({ executor })`). */
  safe: ProtocolKitSafe
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  transaction: SafeTransaction
}

export type ExecuteSafeTransactionReturnType = {
  hash: Hash
  safeTxHash: Hash
  receipt: TransactionReceipt
}

const safeEvents = parseAbi([
  'event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)',
  'event ExecutionFailure(bytes32 indexed txHash, uint256 payment)',
])

/**
 * Executes a signed Safe transaction through protocol-kit. Nothing is sent unless every gathered
 * signature is from an owner and recovers to it, and at least `threshold` of them are there
 * (SAFE_SIGNER_NOT_OWNER, SAFE_SIGNATURE_MISMATCH, SAFE_THRESHOLD_NOT_MET): the chain would
 * refuse such a transaction anyway (GS020/GS026), after the executor paid for it.
 * Resolves once the transaction is mined and the Safe emitted ExecutionSuccess for it.
 */
export async function executeSafeTransaction(
  parameters: ExecuteSafeTransactionParameters,
): Promise<ExecuteSafeTransactionReturnType> {
  const { safe, transaction } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const safeAddress = getAddress(await safe.getAddress())
  const safeTxHash = (await safe.getTransactionHash(transaction)) as Hash
  const owners = (await safe.getOwners()).map((owner) => getAddress(owner))
  const threshold = await safe.getThreshold()
  const approvedBy = (await safe.getOwnersWhoApprovedTx(safeTxHash)).map((owner) => getAddress(owner))

  const signers: Address[] = []
  for (const signature of transaction.signatures.values()) {
    await verifySafeSignature({
      owners,
      safeTxHash,
      signer: signature.signer as Address,
      signature: signature.data as Hex,
      approvedBy,
    })
    signers.push(getAddress(signature.signer))
  }
  if (signers.length < threshold) {
    throw new SafeError({
      code: 'SAFE_THRESHOLD_NOT_MET',
      shortMessage: `${signers.length} of the ${threshold} owner signatures this Safe needs`,
      details: signers.length ? `signed by ${signers.join(', ')}` : 'no signatures',
    })
  }

  let hash: Hash
  try {
    hash = (await safe.executeTransaction(transaction)).hash as Hash
  } catch (cause) {
    throw new SafeError({
      code: 'SAFE_TRANSACTION_FAILED',
      shortMessage: `executing Safe transaction ${safeTxHash} failed`,
      details: cause instanceof Error ? cause.message.split('\n')[0] : undefined,
      cause,
    })
  }
  const receipt = await publicClient.waitForTransactionReceipt({ hash })
  const events = parseEventLogs({ abi: safeEvents, logs: receipt.logs }).filter((log) =>
    isAddressEqual(log.address, safeAddress),
  )
  const succeeded = events.some((log) => log.eventName === 'ExecutionSuccess' && log.args.txHash === safeTxHash)
  if (receipt.status !== 'success' || !succeeded) {
    throw new SafeError({
      code: 'SAFE_TRANSACTION_FAILED',
      shortMessage: `Safe transaction ${safeTxHash} did not execute`,
      details: `transaction ${hash}: status ${receipt.status}, ${events.map((e) => e.eventName).join(', ') || 'no Safe event'}`,
    })
  }
  return { hash, safeTxHash, receipt }
}
