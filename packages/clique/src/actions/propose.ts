import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import { type Client, getAddress, isAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { cliqueRequest } from './cliqueRequest.ts'

export type ProposeParameters = {
  /** The account to add (auth true) or remove (auth false). */
  address: string
  auth: boolean
}

/**
 * Makes the sealer behind `client` vote to add or remove a signer (`clique_propose`). The vote
 * rides on that sealer's blocks until it passes (a majority of signers) or is discarded. `client`:
 * a viem client or an ethers v6 provider.
 */
export async function propose(client: Client | EthersProvider, parameters: ProposeParameters): Promise<void> {
  const { address, auth } = parameters
  if (!isAddress(address, { strict: false })) {
    throw new CliqueError({
      code: 'CLIQUE_SIGNER_INVALID',
      shortMessage: 'propose needs a 20-byte address',
      path: 'address',
    })
  }
  if (typeof auth !== 'boolean')
    throw new CliqueError({ code: 'CLIQUE_SIGNER_INVALID', shortMessage: 'auth must be true or false', path: 'auth' })
  await cliqueRequest<null>(toViemClient(client), 'clique_propose', [getAddress(address), auth])
}
