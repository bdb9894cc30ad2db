import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import type { Address, Chain, Client, Transport } from 'viem'
import { getContractEvents } from 'viem/actions'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type GetOwnerNonceParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  owner: Address
  /** The first block to scan: SSVNetwork's deployment block or earlier (default 0). */
  fromBlock?: bigint | undefined
  /**
   * The last block to scan (default: the node's latest). Give the same height to the nonce and the
   * snapshot reads to have both from one state of the chain.
   */
  toBlock?: bigint | undefined
}

/**
 * The owner's SSV nonce: how many `ValidatorAdded` events SSVNetwork has emitted for `owner`. The
 * contract does not store it; its sharesData signature is over `<owner>:<nonce>`, so the next
 * keyshares file must be built for exactly this value (removing a validator does not give one back).
 */
export async function getOwnerNonce<TChain extends Chain | undefined>(
  clientOrProvider: Client<Transport, TChain> | EthersProvider,
  parameters: GetOwnerNonceParameters,
): Promise<number> {
  const client: Client = toViemClient(clientOrProvider)
  const logs = await getContractEvents(client, {
    address: parameters.contract,
    abi: ssvNetworkAbi,
    eventName: 'ValidatorAdded',
    args: { owner: parameters.owner },
    fromBlock: parameters.fromBlock ?? 0n,
    toBlock: parameters.toBlock ?? 'latest',
    strict: true,
  })
  return logs.length
}
