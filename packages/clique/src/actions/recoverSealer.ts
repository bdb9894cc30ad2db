import { type Address, type Hex, recoverAddress } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { EXTRA_SEAL_BYTES } from '../extraData/constants.ts'
import { type CliqueHeader, cliqueSealHash } from './cliqueSealHash.ts'

/**
 * The signer that sealed a Clique block: ecrecover of the 65-byte seal at the end of extraData
 * over `cliqueSealHash(header)`. Works on any viem `Block`; needs no clique_* API, so it runs
 * against a public RPC node too. The genesis block has no seal and gives CLIQUE_SEAL_INVALID.
 */
export async function recoverSealer(header: CliqueHeader): Promise<Address> {
  const hash = cliqueSealHash(header)
  const signature = `0x${header.extraData.slice(-EXTRA_SEAL_BYTES * 2)}` as Hex
  if (/^0x0+$/.test(signature)) {
    throw new CliqueError({
      code: 'CLIQUE_SEAL_INVALID',
      shortMessage: `block ${header.number} carries an empty seal`,
      path: 'extraData',
    })
  }
  try {
    return await recoverAddress({ hash, signature })
  } catch (cause) {
    throw new CliqueError({
      code: 'CLIQUE_SEAL_INVALID',
      shortMessage: `the seal of block ${header.number} does not recover`,
      path: 'extraData',
      cause,
    })
  }
}
