import type { ContractNetworksConfig, Eip1193Provider } from '@safe-global/protocol-kit'
import { type Address, getAddress, isAddress, isAddressEqual, type PublicClient } from 'viem'
import { connectSafe } from './connectSafe.ts'
import { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import { protocolKitSigner } from './protocolKitSigner.ts'
import { SafeError } from './SafeError.ts'
import type { SafeExecutor } from './SafeExecutor.ts'

export type CreateRewardSafeParameters = {
  provider: Eip1193Provider | string
  publicClient: PublicClient
  contractNetworks: ContractNetworksConfig
  /** Pays for the deployment; it does not become an owner. */
  executor: SafeExecutor
  /** The tier-A owners (MasterAdminVault `m/44'/60'/0'/0/i`), one per member. */
  owners: readonly Address[]
  /** M of the M-of-N. */
  threshold: number
  /** Makes the address unique per (owners, threshold, salt); default 0. */
  saltNonce?: bigint
}

export type CreateRewardSafeReturnType = {
  address: Address
  safe: ProtocolKitSafe
  /** The deployment transaction; undefined when a Safe with this configuration already existed. */
  transactionHash: `0x${string}` | undefined
}

function invalidOwners(shortMessage: string, details?: string): never {
  throw new SafeError({ code: 'SAFE_INVALID_OWNERS', shortMessage, details })
}

/**
 * Creates the central reward Safe (v1.4.1 proxy, L1 singleton, compatibility fallback handler)
 * with M-of-N owners through protocol-kit, and checks the chain agrees on owners and threshold.
 * The address is deterministic (CREATE2 from the proxy factory), so calling it again with the
 * same configuration connects to the existing Safe.
 */
export async function createRewardSafe(parameters: CreateRewardSafeParameters): Promise<CreateRewardSafeReturnType> {
  const { provider, publicClient, contractNetworks, executor, threshold, saltNonce = 0n } = parameters
  if (!Array.isArray(parameters.owners) || parameters.owners.length === 0) invalidOwners('a Safe needs owners')
  for (const owner of parameters.owners) {
    if (typeof owner !== 'string' || !isAddress(owner, { strict: false })) invalidOwners(`${owner} is not an address`)
  }
  const owners = parameters.owners.map((owner) => getAddress(owner))
  if (new Set(owners).size !== owners.length) invalidOwners('an owner is listed twice')
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > owners.length) {
    invalidOwners(`threshold must be an integer from 1 to ${owners.length}`, `got ${threshold}`)
  }

  const predicted = await ProtocolKitSafe.init({
    provider,
    signer: protocolKitSigner(executor),
    predictedSafe: {
      safeAccountConfig: { owners, threshold },
      safeDeploymentConfig: { saltNonce: saltNonce.toString(), safeVersion: '1.4.1' },
    },
    contractNetworks,
    isL1SafeSingleton: true,
  })
  const address = getAddress(await predicted.getAddress())

  let transactionHash: `0x${string}` | undefined
  if (!(await predicted.isSafeDeployed())) {
    const deployment = await predicted.createSafeDeploymentTransaction()
    const client = await predicted.getSafeProvider().getExternalSigner()
    if (!client) throw new SafeError({ code: 'SAFE_TRANSACTION_FAILED', shortMessage: 'protocol-kit has no signer' })
    transactionHash = await client.sendTransaction({
      account: client.account,
      chain: client.chain,
      to: deployment.to as Address,
      value: BigInt(deployment.value),
      data: deployment.data as `0x${string}`,
    })
    const receipt = await publicClient.waitForTransactionReceipt({ hash: transactionHash })
    if (receipt.status !== 'success') {
      throw new SafeError({
        code: 'SAFE_TRANSACTION_FAILED',
        shortMessage: 'creating the reward Safe reverted',
        details: `transaction ${transactionHash}`,
      })
    }
  }

  const safe = await connectSafe({ provider, safeAddress: address, contractNetworks, executor })
  const onChainOwners = (await safe.getOwners()).map((owner) => getAddress(owner))
  const onChainThreshold = await safe.getThreshold()
  const sameOwners =
    onChainOwners.length === owners.length &&
    owners.every((owner) => onChainOwners.some((o) => isAddressEqual(o, owner)))
  if (!sameOwners || onChainThreshold !== threshold) {
    throw new SafeError({
      code: 'SAFE_TRANSACTION_FAILED',
      shortMessage: `the Safe at ${address} does not have the requested owners and threshold`,
      details: `on chain: ${onChainThreshold} of [${onChainOwners.join(', ')}]`,
    })
  }
  return { address, safe, transactionHash }
}
