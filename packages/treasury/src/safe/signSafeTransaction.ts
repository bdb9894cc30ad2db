import { type EthersSigner, toViemAccount } from '@chainops/core/ethers'
import { EthSafeSignature } from '@safe-global/protocol-kit'
import { getAddress, type Hash, hashTypedData } from 'viem'
import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import { SafeError } from './SafeError.ts'
import type { SafeOwnerSigner } from './SafeOwnerSigner.ts'
import type { SafeTransaction } from './SafeTransaction.ts'
import { safeTransactionTypedData } from './safeTransactionTypedData.ts'
import { verifySafeSignature } from './verifySafeSignature.ts'

export type SignSafeTransactionParameters = {
  safe: ProtocolKitSafe
  transaction: SafeTransaction
  /** The owner's signer: a viem account, the Trezor signer, or an ethers v6 signer. */
  signer: SafeOwnerSigner | EthersSigner
}

export type SignSafeTransactionReturnType = {
  /** A copy of the transaction with this owner's signature added. */
  transaction: SafeTransaction
  safeTxHash: Hash
}

/**
 * One owner signs a Safe transaction (EIP-712 `SafeTx`). Refused before any signing when the
 * signer is not an owner (SAFE_SIGNER_NOT_OWNER), when the typed data here does not hash to the
 * Safe contract's own `getTransactionHash` (SAFE_TX_HASH_MISMATCH), and after signing when the
 * signature does not recover to the signer (SAFE_SIGNATURE_MISMATCH: e.g. a Trezor opened with
 * another tier's passphrase).
 */
export async function signSafeTransaction(
  parameters: SignSafeTransactionParameters,
): Promise<SignSafeTransactionReturnType> {
  const { safe } = parameters
  const signer = await toViemAccount(parameters.signer)
  const owners = (await safe.getOwners()).map((owner) => getAddress(owner))
  const signerAddress = getAddress(signer.address)
  if (!owners.includes(signerAddress)) {
    throw new SafeError({
      code: 'SAFE_SIGNER_NOT_OWNER',
      shortMessage: `${signerAddress} is not an owner of this Safe`,
      details: `owners: ${owners.join(', ')}`,
    })
  }
  const typedData = safeTransactionTypedData({
    safeAddress: getAddress(await safe.getAddress()),
    chainId: await safe.getChainId(),
    transaction: parameters.transaction,
  })
  const safeTxHash = hashTypedData(typedData)
  const onChainHash = await safe.getTransactionHash(parameters.transaction)
  if (onChainHash.toLowerCase() !== safeTxHash) {
    throw new SafeError({
      code: 'SAFE_TX_HASH_MISMATCH',
      shortMessage: 'the SafeTx typed data does not hash to the Safe contract’s transaction hash',
      details: `here ${safeTxHash}, on chain ${onChainHash}`,
    })
  }
  const signature = await signer.signTypedData(typedData)
  await verifySafeSignature({ owners, safeTxHash, signer: signerAddress, signature })
  const transaction = await safe.copyTransaction(parameters.transaction)
  transaction.addSignature(new EthSafeSignature(signerAddress, signature))
  return { transaction, safeTxHash }
}
