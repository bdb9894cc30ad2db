import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import { type Address, type Client, getAddress } from 'viem'
import { type BlockParameter, blockParameter } from './blockParameter.ts'
import { cliqueRequest } from './cliqueRequest.ts'

export type GetSignersParameters = BlockParameter

/** The authorised signers at a block (`clique_getSigners`), checksummed, in geth's ascending order. `client`: a viem client or an ethers v6 provider. */
export async function getSigners(
  client: Client | EthersProvider,
  parameters: GetSignersParameters = {},
): Promise<Address[]> {
  const signers = await cliqueRequest<string[]>(toViemClient(client), 'clique_getSigners', [blockParameter(parameters)])
  return signers.map((s) => getAddress(s))
}
