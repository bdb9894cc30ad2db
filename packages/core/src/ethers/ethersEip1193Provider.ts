import { EthersAdapterError } from './EthersAdapterError.ts'
import type { EthersProvider } from './EthersProvider.ts'

export type EthersEip1193ProviderOptions = {
  /** When set, the first request checks the provider's chain first (`ETHERS_CHAIN_MISMATCH`). */
  chainId?: number | undefined
}

/** An EIP-1193 provider: what viem's `custom` transport and protocol-kit take. */
export type Eip1193RequestProvider = {
  request(arguments_: { method: string; params?: unknown }): Promise<unknown>
}

/**
 * An EIP-1193 `request` over an ethers v6 provider's `send`. A JSON-RPC error that ethers wrapped
 * (`error.info.error`) is rethrown as the node's `{ code, message, data }`, so that viem sees the
 * node's answer (revert data, "nonce too low") as it would over its own transport. A chain
 * mismatch is EIP-1193's code 4901 with the `EthersAdapterError` (`ETHERS_CHAIN_MISMATCH`) as its cause.
 */
export function ethersEip1193Provider(
  provider: EthersProvider,
  options: EthersEip1193ProviderOptions = {},
): Eip1193RequestProvider {
  if (typeof (provider as { send?: unknown })?.send !== 'function')
    throw new EthersAdapterError({
      code: 'ETHERS_PROVIDER_UNSUPPORTED',
      shortMessage: 'the ethers provider has no send(): chainops needs a JSON-RPC provider',
      details: 'pass an ethers v6 JsonRpcProvider, WebSocketProvider or BrowserProvider',
    })
  let checked: Promise<void> | undefined
  const { chainId } = options
  if (chainId !== undefined && (!Number.isSafeInteger(chainId) || chainId < 1))
    throw new EthersAdapterError({
      code: 'ETHERS_CHAIN_MISMATCH',
      shortMessage: 'the expected chain id must be a positive integer',
      details: `got ${String(chainId)}`,
    })
  const checkChain = async (): Promise<void> => {
    const network = await provider.getNetwork()
    if (network.chainId !== BigInt(chainId as number))
      throw new EthersAdapterError({
        code: 'ETHERS_CHAIN_MISMATCH',
        shortMessage: `the ethers provider is on chain ${network.chainId}, not ${chainId}`,
      })
  }
  return {
    async request({ method, params }) {
      if (chainId !== undefined) {
        checked ??= checkChain()
        try {
          await checked
        } catch (error) {
          // a failed lookup is tried again by the next request; a mismatch stays a mismatch
          if (!(error instanceof EthersAdapterError)) {
            checked = undefined
            throw error
          }
          // EIP-1193's 4901 (not connected to the requested chain): viem neither retries it nor
          // hides it as an unknown error; the typed error is its cause.
          throw Object.assign(new Error(error.shortMessage, { cause: error }), { code: 4901 })
        }
      }
      try {
        return await provider.send(method, (params ?? []) as unknown[] | Record<string, unknown>)
      } catch (error) {
        throw rpcErrorOf(error) ?? error
      }
    },
  }
}

function rpcErrorOf(error: unknown): Error | undefined {
  const rpc = (error as { info?: { error?: unknown } } | undefined)?.info?.error as
    | { code?: unknown; message?: unknown; data?: unknown }
    | undefined
  if (typeof rpc?.code !== 'number') return undefined
  return Object.assign(new Error(typeof rpc.message === 'string' ? rpc.message : 'JSON-RPC error', { cause: error }), {
    code: rpc.code,
    ...(rpc.data === undefined ? {} : { data: rpc.data }),
  })
}
