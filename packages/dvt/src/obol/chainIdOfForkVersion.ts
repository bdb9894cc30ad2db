import { ObolError } from './ObolError.ts'
import { obolChainIds } from './obolChainIds.ts'

/** The chain id of a genesis fork version (`OBOL_UNKNOWN_NETWORK` for one we do not know). */
export function chainIdOfForkVersion(forkVersion: string): number {
  const key = `0x${(forkVersion.startsWith('0x') ? forkVersion.slice(2) : forkVersion).toLowerCase()}`
  const network = obolChainIds[key]
  if (!network)
    throw new ObolError({
      code: 'OBOL_UNKNOWN_NETWORK',
      shortMessage: `fork version ${forkVersion} is not a network we know`,
      details: `known: ${Object.entries(obolChainIds)
        .map(([version, { name }]) => `${name} ${version}`)
        .join(', ')}`,
    })
  return network.chainId
}
