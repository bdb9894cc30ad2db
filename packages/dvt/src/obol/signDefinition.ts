import { type EthersSigner, toViemAccount } from '@chainops/core/ethers'
import type { LocalAccount } from 'viem'
import { isAddressEqual } from 'viem'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import { chainIdOfForkVersion } from './chainIdOfForkVersion.ts'
import { hashDefinition } from './hashDefinition.ts'
import { ObolError } from './ObolError.ts'
import { obolTypedData } from './obolTypedData.ts'

/** Who signs: the creator (the config hash), or an operator (the config hash and its charon node's ENR); a viem account or an ethers v6 signer. */
export type SignDefinitionParameters =
  | { role: 'creator'; account: Pick<LocalAccount, 'address' | 'signTypedData'> | EthersSigner }
  | { role: 'operator'; account: Pick<LocalAccount, 'address' | 'signTypedData'> | EthersSigner; enr: string }

export type SignDefinitionErrorType = ObolError

/**
 * A copy of the definition with one more party's EIP-712 signatures, as the Obol launchpad collects
 * them: the creator's `CreatorConfigHash`, or an operator's `OperatorConfigHash` and `ENR` (its ENR
 * set first). The account must be the creator or one of the operators (`OBOL_INVALID_INPUT`); the
 * definition hash is recomputed (the config hash does not change: it covers no ENR or signature).
 */
export async function signDefinition(
  definition: ClusterDefinition,
  parameters: SignDefinitionParameters,
): Promise<ClusterDefinition> {
  const { configHash } = hashDefinition(definition)
  const chainId = chainIdOfForkVersion(definition.fork_version)
  const account = await toViemAccount(parameters.account)
  let signed: ClusterDefinition
  if (parameters.role === 'creator') {
    if (!sameAddress(definition.creator.address, account.address))
      throw new ObolError({
        code: 'OBOL_INVALID_INPUT',
        shortMessage: `${account.address} is not the creator of the definition`,
        details: `creator ${definition.creator.address}`,
      })
    const config_signature = await account.signTypedData(
      obolTypedData({ kind: 'creatorConfigHash', chainId, configHash }),
    )
    signed = { ...definition, creator: { ...definition.creator, config_signature } }
  } else {
    if (!parameters.enr.startsWith('enr:'))
      throw new ObolError({ code: 'OBOL_INVALID_INPUT', shortMessage: 'an ENR starts with "enr:"' })
    const index = definition.operators.findIndex((operator) => sameAddress(operator.address, account.address))
    const operator = definition.operators[index]
    if (!operator)
      throw new ObolError({
        code: 'OBOL_INVALID_INPUT',
        shortMessage: `${account.address} is not an operator of the definition`,
      })
    const config_signature = await account.signTypedData(
      obolTypedData({ kind: 'operatorConfigHash', chainId, configHash }),
    )
    const enr_signature = await account.signTypedData(obolTypedData({ kind: 'enr', chainId, enr: parameters.enr }))
    const operators = definition.operators.map((other, i) =>
      i === index ? { ...operator, enr: parameters.enr, config_signature, enr_signature } : other,
    )
    signed = { ...definition, operators }
  }
  const hashes = hashDefinition(signed)
  return { ...signed, config_hash: hashes.configHash, definition_hash: hashes.definitionHash }
}

function sameAddress(a: string, b: string): boolean {
  try {
    return isAddressEqual(a as `0x${string}`, b as `0x${string}`)
  } catch {
    return false
  }
}
