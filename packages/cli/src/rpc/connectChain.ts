import { Secret } from '@chainops/core'
import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { CliError } from '../errors/CliError.ts'
import { usageError } from '../errors/usageError.ts'
import { readSecretFile } from '../files/readSecretFile.ts'
import type { CommandIo } from '../framework/Command.ts'

export type ConnectedChain = {
  rpcUrl: string
  chainId: number
  publicClient: PublicClient
  /** With `--key-file`: the account that pays (never a Safe owner by necessity). */
  wallet?: { client: WalletClient<Transport, Chain, Account>; privateKey: Secret<Hex> }
}

/**
 * `--rpc URL` (required) and, when `withKey`, `--key-file F` (a 0x private key on one line, e.g. the
 * devnet faucet's key file). The chain id is asked from the RPC, so any chain works.
 */
export async function connectChain(
  values: Record<string, unknown>,
  io: CommandIo,
  withKey: boolean,
): Promise<ConnectedChain> {
  const rpcUrl = values.rpc
  if (typeof rpcUrl !== 'string') throw usageError('--rpc URL is required')
  if (!/^https?:\/\//.test(rpcUrl)) throw usageError(`--rpc must be an http(s) URL, got "${rpcUrl}"`)
  const keyFile = values['key-file']
  if (withKey && typeof keyFile !== 'string') throw usageError('--key-file F is required')
  let privateKey: Secret<Hex> | undefined
  if (withKey) {
    const text = readSecretFile(keyFile as string, 'key-file', io)
    const key = text.reveal().trim()
    text.wipe()
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
      throw new CliError({
        code: 'CLI_FILE_INVALID',
        shortMessage: `the --key-file ${keyFile} does not hold a 0x-prefixed 32-byte hex private key`,
      })
    }
    privateKey = new Secret(key as Hex)
  }
  const transport = http(rpcUrl)
  let chainId: number
  try {
    chainId = await createPublicClient({ transport }).getChainId()
  } catch (cause) {
    throw new CliError({
      code: 'CLI_CHAIN_CALL_FAILED',
      shortMessage: `the RPC at ${rpcUrl} does not answer eth_chainId`,
      details: cause instanceof Error ? cause.message.split('\n')[0] : undefined,
      cause,
    })
  }
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const publicClient = createPublicClient({ chain, transport }) as PublicClient
  if (!privateKey) return { rpcUrl, chainId, publicClient }
  const client = createWalletClient({ chain, transport, account: privateKeyToAccount(privateKey.reveal()) })
  return { rpcUrl, chainId, publicClient, wallet: { client, privateKey } }
}
