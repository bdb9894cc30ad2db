import type { ClusterVersion } from './clusterVersions.ts'

/**
 * A cluster definition as charon writes it (`cluster-definition.json`, the `cluster_definition` of a
 * lock): the file's own field names, hex strings `0x`-prefixed (an empty signature is `""` or `"0x"`),
 * gwei amounts as decimal strings. Fields a version does not have are absent.
 */
export type ClusterDefinition = {
  name: string
  creator: ClusterCreator
  operators: ClusterOperator[]
  uuid: string
  version: ClusterVersion
  timestamp: string
  num_validators: number
  threshold: number
  validators: ClusterValidatorAddresses[]
  dkg_algorithm: string
  fork_version: string
  /** v1.8.0 and later: partial deposit amounts in gwei (empty means one 32 ETH deposit). */
  deposit_amounts?: string[] | null | undefined
  /** v1.9.0 and later. */
  consensus_protocol?: string | undefined
  /** v1.10.0 and later. */
  target_gas_limit?: number | undefined
  /** v1.10.0 and later. */
  compounding?: boolean | undefined
  config_hash: string
  definition_hash: string
}

/** The creator of a definition: its address and its EIP-712 signature of the config hash. */
export type ClusterCreator = {
  address: string
  config_signature: string
}

/** One operator: its address, its charon node's ENR, and its EIP-712 config hash and ENR signatures. */
export type ClusterOperator = {
  address: string
  enr: string
  config_signature: string
  enr_signature: string
}

/** The fee recipient and withdrawal address of one validator. */
export type ClusterValidatorAddresses = {
  fee_recipient_address: string
  withdrawal_address: string
}
