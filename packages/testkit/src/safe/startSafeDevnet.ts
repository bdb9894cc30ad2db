import { type GethCliqueNetwork, type StartGethCliqueParameters, startGethClique } from '@chainops/devnet'
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { deploySafeSingletons, type SafeContractName } from './deploySafeSingletons.ts'
import { safeFactoryPredeploy } from './safeFactoryPredeploy.ts'

export type StartSafeDevnetParameters = Partial<Omit<StartGethCliqueParameters, 'genesis'>> & {
  /** Also deploy the Safe v1.4.1 contracts through the factory (from the faucet); default false. */
  safeContracts?: boolean
}

/** A running geth Clique devnet with the Safe singleton factory in its genesis. */
export type SafeDevnet = {
  network: GethCliqueNetwork
  /** The devnet as a viem chain (chain id, native currency, the RPC URL). */
  chain: Chain
  /** The public RPC node's URL (the first sealer's with `rpcNode: false`). */
  rpcUrl: string
  publicClient: PublicClient<Transport, Chain>
  /** Sends from the devnet's faucet. */
  walletClient: WalletClient<Transport, Chain, Account>
  /** The Safe singleton factory's address (0x914d7Fec…43d7, as on every chain). */
  safeSingletonFactory: Address
  /** With `safeContracts: true`, the Safe v1.4.1 contracts at their canonical addresses. */
  safeContracts: Record<SafeContractName, Address> | undefined
  stop(): Promise<void>
}

/**
 * Starts a real geth Clique devnet (one sealer, 1 s blocks, unless given otherwise) whose genesis
 * holds the Safe singleton factory, with viem clients for it; with `safeContracts`, the Safe
 * v1.4.1 contracts are deployed through the factory before it resolves. Any other option goes to
 * `startGethClique` (its predeploys are placed beside the factory).
 */
export async function startSafeDevnet(parameters: StartSafeDevnetParameters = {}): Promise<SafeDevnet> {
  const { safeContracts = false, predeploys = [], ...geth } = parameters
  const factory = safeFactoryPredeploy()
  const network = await startGethClique({
    sealers: 1,
    period: 1,
    label: 'safe',
    ...geth,
    predeploys: [factory, ...predeploys],
  })
  try {
    const rpcUrl = network.rpc?.rpcUrl ?? (network.sealers[0]?.rpcUrl as string)
    const chain = defineChain({
      id: network.chainId,
      name: 'chainops clique devnet',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    })
    const transport = http(rpcUrl)
    const publicClient = createPublicClient({ chain, transport })
    const walletClient = createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(network.faucet.privateKey.reveal()),
    })
    const contracts = safeContracts
      ? await deploySafeSingletons({ publicClient, walletClient, factory: factory.address })
      : undefined
    return {
      network,
      chain,
      rpcUrl,
      publicClient,
      walletClient,
      safeSingletonFactory: factory.address,
      safeContracts: contracts,
      stop: () => network.stop(),
    }
  } catch (error) {
    await network.stop()
    throw error
  }
}
