import * as v from 'valibot'
import { clusterVersions } from './clusterVersions.ts'

// The shapes of charon's cluster files, checked once at the boundary. Byte lengths are checked
// where the bytes are hashed (hashDefinition, hashLock), which names the field too.

const hex = v.pipe(v.string(), v.regex(/^(0x)?([0-9a-fA-F]{2})*$/, 'hex bytes'))
const decimal = v.pipe(v.string(), v.regex(/^[0-9]+$/, 'a decimal amount of gwei'))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))

const creator = v.object({ address: hex, config_signature: hex })
const operator = v.object({ address: hex, enr: v.string(), config_signature: hex, enr_signature: hex })
const validatorAddresses = v.object({ fee_recipient_address: hex, withdrawal_address: hex })

/** A cluster definition file (see {@link ClusterDefinition}). */
export const clusterDefinitionSchema = v.object({
  name: v.string(),
  creator,
  operators: v.array(operator),
  uuid: v.string(),
  version: v.picklist(clusterVersions),
  timestamp: v.string(),
  num_validators: count,
  threshold: count,
  validators: v.array(validatorAddresses),
  dkg_algorithm: v.string(),
  fork_version: hex,
  deposit_amounts: v.nullish(v.array(decimal)),
  consensus_protocol: v.optional(v.string()),
  target_gas_limit: v.optional(count),
  compounding: v.optional(v.boolean()),
  config_hash: hex,
  definition_hash: hex,
})

const depositData = v.object({ pubkey: hex, withdrawal_credentials: hex, amount: decimal, signature: hex })

/** A cluster lock file (see {@link ClusterLock}). */
export const clusterLockSchema = v.object({
  cluster_definition: clusterDefinitionSchema,
  distributed_validators: v.array(
    v.object({
      distributed_public_key: hex,
      public_shares: v.array(hex),
      deposit_data: v.optional(depositData),
      partial_deposit_data: v.nullish(v.array(depositData)),
      builder_registration: v.object({
        message: v.object({ fee_recipient: hex, gas_limit: count, timestamp: count, pubkey: hex }),
        signature: hex,
      }),
    }),
  ),
  signature_aggregate: hex,
  lock_hash: hex,
  node_signatures: v.nullish(v.array(hex)),
})
