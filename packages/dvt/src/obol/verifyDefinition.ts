import { type Hex, hashTypedData } from 'viem'
import { assertDepositAmounts } from './assertDepositAmounts.ts'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import { chainIdOfForkVersion } from './chainIdOfForkVersion.ts'
import { hashDefinition } from './hashDefinition.ts'
import { ObolError } from './ObolError.ts'
import { obolTypedData } from './obolTypedData.ts'
import { signatureRecovers } from './signatureRecovers.ts'

export type VerifyDefinitionReturnType = {
  configHash: Hex
  definitionHash: Hex
  /** EIP-712 signatures checked: the creator's and each operator's config and ENR signatures (0 for a definition nobody signed). */
  signatures: number
}

export type VerifyDefinitionErrorType = ObolError

/**
 * Checks a cluster definition as charon does before a DKG: its config and definition hashes, then
 * the validator count and charon's deposit amount rule (each 1 to 32 ETH, 2048 when compounding, at
 * least 32 ETH together), every operator's EIP-712 config hash and ENR signatures, then the creator's config hash signature,
 * each recovered to the address that should have signed. The first failure is thrown:
 * `OBOL_HASH_MISMATCH` naming the hash, `OBOL_BAD_SIGNATURE` naming the signature, `OBOL_INCONSISTENT`
 * for counts that disagree. A definition nobody signed (every operator and the creator empty) passes
 * with `signatures: 0`, as in charon. Safe multisig (ERC-1271) signatures need a chain and are refused.
 */
export async function verifyDefinition(definition: ClusterDefinition): Promise<VerifyDefinitionReturnType> {
  const { configHash, definitionHash } = hashDefinition(definition)
  if (!sameHex(configHash, definition.config_hash))
    throw new ObolError({
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'config_hash is not the hash of the definition',
      details: `file ${definition.config_hash}, computed ${configHash}`,
    })
  if (!sameHex(definitionHash, definition.definition_hash))
    throw new ObolError({
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'definition_hash is not the hash of the definition',
      details: `file ${definition.definition_hash}, computed ${definitionHash}`,
    })
  if (definition.validators.length !== definition.num_validators)
    throw new ObolError({
      code: 'OBOL_INCONSISTENT',
      shortMessage: `num_validators is ${definition.num_validators} but ${definition.validators.length} validators are listed`,
    })

  assertDepositAmounts(
    (definition.deposit_amounts ?? []).map(BigInt),
    definition.compounding ?? false,
    'OBOL_INCONSISTENT',
  )

  const chainId = chainIdOfForkVersion(definition.fork_version)
  const operatorDigest = hashTypedData(obolTypedData({ kind: 'operatorConfigHash', chainId, configHash }))
  let signatures = 0
  let unsigned = 0
  for (const [i, operator] of definition.operators.entries()) {
    if (operator.address === '' && isEmpty(operator.config_signature) && isEmpty(operator.enr_signature)) {
      unsigned++
      continue
    }
    await expectSignature(
      operatorDigest,
      operator.config_signature,
      operator.address,
      `operators.${i}.config_signature`,
      `operator ${i} config signature`,
    )
    const enrDigest = hashTypedData(obolTypedData({ kind: 'enr', chainId, enr: operator.enr }))
    await expectSignature(
      enrDigest,
      operator.enr_signature,
      operator.address,
      `operators.${i}.enr_signature`,
      `operator ${i} ENR signature`,
    )
    signatures += 2
  }
  if (unsigned > 0 && unsigned !== definition.operators.length)
    throw new ObolError({ code: 'OBOL_INCONSISTENT', shortMessage: 'some operators signed while others did not' })

  const creator = definition.creator
  if (creator.address === '' && isEmpty(creator.config_signature)) {
    if (unsigned === 0)
      throw new ObolError({ code: 'OBOL_BAD_SIGNATURE', shortMessage: 'operators signed but the creator did not' })
  } else {
    const creatorDigest = hashTypedData(obolTypedData({ kind: 'creatorConfigHash', chainId, configHash }))
    await expectSignature(
      creatorDigest,
      creator.config_signature,
      creator.address,
      'creator.config_signature',
      'creator config signature',
    )
    signatures += 1
  }
  return { configHash, definitionHash, signatures }
}

async function expectSignature(digest: Hex, signature: string, address: string, field: string, what: string) {
  if (isEmpty(signature))
    throw new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: `${what} is empty`,
      details: `${field}, address ${address}`,
    })
  const length = (signature.startsWith('0x') ? signature.length - 2 : signature.length) / 2
  if (length !== 65)
    throw new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: `${what} is not one 65-byte signature`,
      details: `${field}: ${length} bytes (a Safe multisig signature needs an ERC-1271 check on chain, which this does not do)`,
    })
  if (!(await signatureRecovers(digest, signature, address)))
    throw new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: `${what} does not verify`,
      details: `${field} does not recover to ${address}`,
    })
}

function isEmpty(hex: string): boolean {
  return hex === '' || hex === '0x'
}

function sameHex(a: string, b: string): boolean {
  const strip = (hex: string) => (hex.startsWith('0x') ? hex.slice(2) : hex).toLowerCase()
  return strip(a) === strip(b)
}
