import { createRequire } from 'node:module'
import {
  type Account,
  type Address,
  type Chain,
  concat,
  getContractAddress,
  type Hash,
  type Hex,
  type PublicClient,
  pad,
  type Transport,
  type WalletClient,
} from 'viem'
import { TestkitError } from '../errors/TestkitError.ts'

const require = createRequire(import.meta.url)

/** The Safe v1.4.1 contracts a Safe needs, by name, with their artifact in `@safe-global/safe-contracts`. */
const SAFE_V141_ARTIFACTS = {
  Safe: 'Safe.sol/Safe.json',
  SafeL2: 'SafeL2.sol/SafeL2.json',
  SafeProxyFactory: 'proxies/SafeProxyFactory.sol/SafeProxyFactory.json',
  MultiSend: 'libraries/MultiSend.sol/MultiSend.json',
  MultiSendCallOnly: 'libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json',
  CompatibilityFallbackHandler: 'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
  SignMessageLib: 'libraries/SignMessageLib.sol/SignMessageLib.json',
  CreateCall: 'libraries/CreateCall.sol/CreateCall.json',
  SimulateTxAccessor: 'accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json',
} as const

export type SafeContractName = keyof typeof SAFE_V141_ARTIFACTS

export type DeploySafeSingletonsParameters = {
  publicClient: PublicClient
  /** Pays for the deployments. */
  walletClient: WalletClient<Transport, Chain, Account>
  /** Where the Safe singleton factory is. */
  factory: Address
}

const SALT = pad('0x', { size: 32 })

/**
 * Deploys the Safe v1.4.1 contracts (the release build `@safe-global/safe-contracts` ships)
 * through the singleton factory with salt 0, as the Safe team does on every chain, so they land at
 * their canonical addresses. Contracts already there are left alone.
 */
export async function deploySafeSingletons(
  parameters: DeploySafeSingletonsParameters,
): Promise<Record<SafeContractName, Address>> {
  const { publicClient, walletClient, factory } = parameters
  const addresses = {} as Record<SafeContractName, Address>
  const pending: Array<{ name: SafeContractName; hash: Hash }> = []
  let nonce = await publicClient.getTransactionCount({ address: walletClient.account.address, blockTag: 'pending' })
  for (const [name, artifact] of Object.entries(SAFE_V141_ARTIFACTS) as [SafeContractName, string][]) {
    const { bytecode } = require(`@safe-global/safe-contracts/build/artifacts/contracts/${artifact}`) as {
      bytecode: Hex
    }
    const address = getContractAddress({ opcode: 'CREATE2', from: factory, salt: SALT, bytecode })
    addresses[name] = address
    const code = await publicClient.getCode({ address })
    if (code && code !== '0x') continue
    const hash = await walletClient.sendTransaction({ to: factory, data: concat([SALT, bytecode]), nonce: nonce++ })
    pending.push({ name, hash })
  }
  for (const { name, hash } of pending) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 200 })
    const code = await publicClient.getCode({ address: addresses[name] })
    if (receipt.status !== 'success' || !code || code === '0x') {
      throw new TestkitError({
        code: 'TESTKIT_SAFE_DEPLOY_FAILED',
        shortMessage: `${name} did not land at ${addresses[name]} through the singleton factory`,
        details: `transaction ${hash}, status ${receipt.status}`,
      })
    }
  }
  return addresses
}
