import { type EthersProvider, type EthersSigner, toViemClient, toWalletClient } from '@chainops/core/ethers'
import type { Eip1193Provider } from '@safe-global/protocol-kit'
import {
  type Account,
  type Address,
  type Chain,
  concat,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getAddress,
  getContractAddress,
  type Hash,
  type Hex,
  isAddress,
  isAddressEqual,
  keccak256,
  type PublicClient,
  parseAbi,
  parseEventLogs,
  type Transport,
  type WalletClient,
  zeroAddress,
} from 'viem'
import { connectSafe } from './connectSafe.ts'
import type { ProtocolKitSafe } from './ProtocolKitSafe.ts'
import type { SafeContracts } from './SafeContracts.ts'
import { SafeError } from './SafeError.ts'
import type { SafeExecutor } from './SafeExecutor.ts'
import { safeContractNetworks } from './safeContractNetworks.ts'

export type CreateRewardSafeParameters = {
  /** For the protocol-kit instance returned: an EIP-1193 provider, an ethers v6 provider, or an RPC URL. */
  provider: Eip1193Provider | EthersProvider | string
  /** A viem public client or an ethers v6 provider. */
  publicClient: PublicClient | EthersProvider
  /** Pays for the deployment; it does not become an owner. A viem wallet client or an ethers v6 signer with a provider. */
  walletClient: WalletClient<Transport, Chain | undefined, Account> | EthersSigner
  /** From `deploySafeContracts`. */
  contracts: SafeContracts
  /** Who executes Safe transactions through the returned instance. */
  executor?: SafeExecutor
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
  transactionHash: Hash | undefined
}

const proxyFactoryAbi = parseAbi([
  'function createProxyWithNonce(address _singleton, bytes initializer, uint256 saltNonce) returns (address proxy)',
  'function proxyCreationCode() pure returns (bytes)',
  'event ProxyCreation(address indexed proxy, address singleton)',
])
const safeSetupAbi = parseAbi([
  'function setup(address[] _owners, uint256 _threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)',
])

function invalidOwners(shortMessage: string, details?: string): never {
  throw new SafeError({ code: 'SAFE_INVALID_OWNERS', shortMessage, details })
}

/**
 * Creates the central reward Safe: a v1.4.1 proxy of the L1 `Safe` singleton through
 * `SafeProxyFactory.createProxyWithNonce`, set up with M-of-N owners and the compatibility
 * fallback handler (what the Safe app and protocol-kit set up), then returns a protocol-kit
 * instance for it after checking owners and threshold on chain. The address is CREATE2, computed
 * here first: calling again with the same configuration connects to the existing Safe.
 *
 * The deployment is sent with viem rather than protocol-kit's `predictedSafe` path: protocol-kit
 * 8.0.7 memoizes the proxy-factory contract under a key that can drop the provider, so a second
 * chain with the same chain id (Hardhat, then geth, both 2789) gets the first chain's client.
 */
export async function createRewardSafe(parameters: CreateRewardSafeParameters): Promise<CreateRewardSafeReturnType> {
  const { provider, contracts, executor, threshold, saltNonce = 0n } = parameters
  const publicClient = toViemClient(parameters.publicClient)
  const walletClient = await toWalletClient(parameters.walletClient)
  if (!Array.isArray(parameters.owners) || parameters.owners.length === 0) invalidOwners('a Safe needs owners')
  for (const owner of parameters.owners) {
    if (typeof owner !== 'string' || !isAddress(owner, { strict: false })) invalidOwners(`${owner} is not an address`)
  }
  const owners = parameters.owners.map((owner) => getAddress(owner))
  if (new Set(owners).size !== owners.length) invalidOwners('an owner is listed twice')
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > owners.length) {
    invalidOwners(`threshold must be an integer from 1 to ${owners.length}`, `got ${threshold}`)
  }
  if (typeof saltNonce !== 'bigint' || saltNonce < 0n) invalidOwners('saltNonce must be a non-negative bigint')

  const initializer = encodeFunctionData({
    abi: safeSetupAbi,
    functionName: 'setup',
    args: [
      owners,
      BigInt(threshold),
      zeroAddress,
      '0x',
      contracts.CompatibilityFallbackHandler,
      zeroAddress,
      0n,
      zeroAddress,
    ],
  })
  const proxyCreationCode = await publicClient.readContract({
    address: contracts.SafeProxyFactory,
    abi: proxyFactoryAbi,
    functionName: 'proxyCreationCode',
  })
  // SafeProxyFactory: salt = keccak256(keccak256(initializer) ‖ saltNonce), init code = creation
  // code ‖ uint256(singleton).
  const address = getContractAddress({
    opcode: 'CREATE2',
    from: contracts.SafeProxyFactory,
    salt: keccak256(encodePacked(['bytes32', 'uint256'], [keccak256(initializer), saltNonce])),
    bytecode: concat([proxyCreationCode, encodeAbiParameters([{ type: 'uint256' }], [BigInt(contracts.Safe)])]) as Hex,
  })

  let transactionHash: Hash | undefined
  const existing = await publicClient.getCode({ address })
  if (!existing || existing === '0x') {
    transactionHash = await walletClient.writeContract({
      account: walletClient.account,
      chain: walletClient.chain ?? null,
      address: contracts.SafeProxyFactory,
      abi: proxyFactoryAbi,
      functionName: 'createProxyWithNonce',
      args: [contracts.Safe, initializer, saltNonce],
    })
    const receipt = await publicClient.waitForTransactionReceipt({ hash: transactionHash })
    const created = parseEventLogs({ abi: proxyFactoryAbi, logs: receipt.logs, eventName: 'ProxyCreation' })
    if (receipt.status !== 'success' || !created.some((log) => isAddressEqual(log.args.proxy, address))) {
      throw new SafeError({
        code: 'SAFE_TRANSACTION_FAILED',
        shortMessage: `creating the reward Safe did not create ${address}`,
        details: `transaction ${transactionHash}, status ${receipt.status}`,
      })
    }
  }

  const contractNetworks = safeContractNetworks({ chainId: await publicClient.getChainId(), contracts })
  const safe = await connectSafe({
    provider,
    safeAddress: address,
    contractNetworks,
    ...(executor ? { executor } : {}),
  })
  const onChainOwners = (await safe.getOwners()).map((owner: string) => getAddress(owner))
  const onChainThreshold = await safe.getThreshold()
  const sameOwners =
    onChainOwners.length === owners.length &&
    owners.every((owner) => onChainOwners.some((other: Address) => isAddressEqual(other, owner)))
  if (!sameOwners || onChainThreshold !== threshold) {
    throw new SafeError({
      code: 'SAFE_TRANSACTION_FAILED',
      shortMessage: `the Safe at ${address} does not have the requested owners and threshold`,
      details: `on chain: ${onChainThreshold} of [${onChainOwners.join(', ')}]`,
    })
  }
  return { address, safe, transactionHash }
}
