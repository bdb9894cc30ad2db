import type { ClusterDefinition } from './ClusterDefinition.ts'

/** A cluster lock as charon writes it (`cluster-lock.json`): the definition and the DKG's results. */
export type ClusterLock = {
  cluster_definition: ClusterDefinition
  distributed_validators: ClusterDistributedValidator[]
  signature_aggregate: string
  lock_hash: string
  node_signatures?: string[] | null | undefined
}

/** One distributed validator: its group key, one public share per operator, its deposit data and builder registration. */
export type ClusterDistributedValidator = {
  distributed_public_key: string
  public_shares: string[]
  /** v1.7.0 only: one deposit. */
  deposit_data?: ClusterDepositData | undefined
  /** v1.8.0 and later: one deposit per amount of the definition. */
  partial_deposit_data?: ClusterDepositData[] | null | undefined
  builder_registration: ClusterBuilderRegistration
}

/** A deposit of the lock (amount in gwei as a decimal string). */
export type ClusterDepositData = {
  pubkey: string
  withdrawal_credentials: string
  amount: string
  signature: string
}

/** A pre-generated builder (MEV-boost) validator registration. */
export type ClusterBuilderRegistration = {
  message: {
    fee_recipient: string
    gas_limit: number
    timestamp: number
    pubkey: string
  }
  signature: string
}
