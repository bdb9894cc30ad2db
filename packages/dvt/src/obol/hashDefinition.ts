import { type Hex, toHex } from 'viem'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import { definitionSsz } from './definitionSsz.ts'
import type { ObolError } from './ObolError.ts'

export type HashDefinitionReturnType = {
  /** The root of the definition without ENRs, signatures and config hash: what creator and operators sign. */
  configHash: Hex
  /** The root of every field, the config hash included (as recomputed here, not as the file says). */
  definitionHash: Hex
}

export type HashDefinitionErrorType = ObolError

/**
 * The config hash and definition hash of a cluster definition as charon computes them (SSZ hash
 * tree roots of the version's fields). The definition hash is taken over the recomputed config
 * hash, so a definition whose `config_hash` is stale gets the hash it should have.
 */
export function hashDefinition(definition: ClusterDefinition): HashDefinitionReturnType {
  const config = definitionSsz(definition, { configOnly: true })
  const configHash = toHex(config.type.hashTreeRoot(config.value))
  const full = definitionSsz({ ...definition, config_hash: configHash }, { configOnly: false })
  return { configHash, definitionHash: toHex(full.type.hashTreeRoot(full.value)) }
}
