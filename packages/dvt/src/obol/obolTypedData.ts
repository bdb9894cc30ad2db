import type { TypedDataDefinition } from 'viem'

/** What an Obol EIP-712 signature signs: the creator's or an operator's config hash, or an operator's ENR. */
export type ObolTypedDataParameters =
  | { kind: 'creatorConfigHash'; chainId: number; configHash: string }
  | { kind: 'operatorConfigHash'; chainId: number; configHash: string }
  | { kind: 'enr'; chainId: number; enr: string }

/**
 * The EIP-712 typed data charon signs for a definition (v1.4 and later): domain `Obol`, version `1`
 * and the chain id of the fork version; `CreatorConfigHash{string creator_config_hash}`,
 * `OperatorConfigHash{string operator_config_hash}` (the config hash as lower-case 0x hex) or
 * `ENR{string enr}`.
 */
export function obolTypedData(parameters: ObolTypedDataParameters): TypedDataDefinition {
  const domain = { name: 'Obol', version: '1', chainId: parameters.chainId }
  switch (parameters.kind) {
    case 'creatorConfigHash':
      return {
        domain,
        types: { CreatorConfigHash: [{ name: 'creator_config_hash', type: 'string' }] },
        primaryType: 'CreatorConfigHash',
        message: { creator_config_hash: parameters.configHash.toLowerCase() },
      }
    case 'operatorConfigHash':
      return {
        domain,
        types: { OperatorConfigHash: [{ name: 'operator_config_hash', type: 'string' }] },
        primaryType: 'OperatorConfigHash',
        message: { operator_config_hash: parameters.configHash.toLowerCase() },
      }
    case 'enr':
      return {
        domain,
        types: { ENR: [{ name: 'enr', type: 'string' }] },
        primaryType: 'ENR',
        message: { enr: parameters.enr },
      }
  }
}
