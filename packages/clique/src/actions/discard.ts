import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import { type Client, getAddress, isAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { cliqueRequest } from './cliqueRequest.ts'

export type DiscardParameters = { address: string }

/** Withdraws this sealer's pending vote about `address` (`clique_discard`). `client`: a viem client or an ethers v6 provider. */
export async function discard(client: Client | EthersProvider, parameters: DiscardParameters): Promise<void> {
  if (!isAddress(parameters.address, { strict: false })) {
    throw new CliqueError({
      code: 'CLIQUE_SIGNER_INVALID',
      shortMessage: 'discard needs a 20-byte address',
      path: 'address',
    })
  }
  await cliqueRequest<null>(toViemClient(client), 'clique_discard', [getAddress(parameters.address)])
}
