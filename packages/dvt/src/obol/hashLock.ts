import {
  ByteVectorType,
  ContainerType,
  ListCompositeType,
  type Type,
  UintBigintType,
  UintNumberType,
} from '@chainsafe/ssz'
import { type Hex, toHex } from 'viem'
import type { ClusterDepositData, ClusterDistributedValidator, ClusterLock } from './ClusterLock.ts'
import { definitionSsz } from './definitionSsz.ts'
import { hashDefinition } from './hashDefinition.ts'
import type { ObolError } from './ObolError.ts'
import { paddedBytes } from './paddedBytes.ts'

const uint64 = new UintNumberType(8)
const bytes48 = new ByteVectorType(48)
const bytes96 = new ByteVectorType(96)
const depositData = new ContainerType({
  pubkey: bytes48,
  withdrawalCredentials: new ByteVectorType(32),
  amount: new UintBigintType(8),
  signature: bytes96,
})
const builderRegistration = new ContainerType({
  message: new ContainerType({
    feeRecipient: new ByteVectorType(20),
    gasLimit: uint64,
    timestamp: uint64,
    pubkey: bytes48,
  }),
  signature: bytes96,
})
const pubShares = new ListCompositeType(bytes48, 256)
// v1.7: one deposit per validator; v1.8 and later: a list of partial deposits.
const validatorV1x7 = new ContainerType({ pubkey: bytes48, pubShares, depositData, builderRegistration })
const validatorV1x8 = new ContainerType({
  pubkey: bytes48,
  pubShares,
  partialDepositData: new ListCompositeType(depositData, 256),
  builderRegistration,
})

export type HashLockErrorType = ObolError

/**
 * The lock hash of a cluster lock as charon computes it: the SSZ root of the definition (every
 * field, with its recomputed config hash) and the list of distributed validators (group key, public
 * shares, deposit data, builder registration). Not covered: the aggregate and node signatures,
 * which sign this hash.
 */
export function hashLock(lock: ClusterLock): Hex {
  const definition = lock.cluster_definition
  const { configHash } = hashDefinition(definition)
  const def = definitionSsz({ ...definition, config_hash: configHash }, { configOnly: false })
  const v1x7 = definition.version === 'v1.7.0'
  const validatorType = (v1x7 ? validatorV1x7 : validatorV1x8) as unknown as ContainerType<
    Record<string, Type<unknown>>
  >
  const validators = lock.distributed_validators.map((validator, i) => validatorValue(validator, i, v1x7))
  const type = new ContainerType({ definition: def.type, validators: new ListCompositeType(validatorType, 65536) })
  return toHex(type.hashTreeRoot({ definition: def.value, validators }))
}

function validatorValue(validator: ClusterDistributedValidator, i: number, v1x7: boolean): Record<string, unknown> {
  const at = `distributed_validators.${i}`
  const registration = validator.builder_registration
  const value: Record<string, unknown> = {
    pubkey: paddedBytes(validator.distributed_public_key, 48, `${at}.distributed_public_key`),
    pubShares: validator.public_shares.map((share, j) => paddedBytes(share, 48, `${at}.public_shares.${j}`)),
    builderRegistration: {
      message: {
        // charon puts the fee recipient unpadded into its 32-byte chunk: right-aligned zeros, as SSZ does.
        feeRecipient: rightPadded(
          registration.message.fee_recipient,
          20,
          `${at}.builder_registration.message.fee_recipient`,
        ),
        gasLimit: registration.message.gas_limit,
        timestamp: registration.message.timestamp,
        pubkey: paddedBytes(registration.message.pubkey, 48, `${at}.builder_registration.message.pubkey`),
      },
      signature: paddedBytes(registration.signature, 96, `${at}.builder_registration.signature`),
    },
  }
  if (v1x7) {
    const empty = { pubkey: '', withdrawal_credentials: '', amount: '0', signature: '' }
    value.depositData = depositValue(validator.deposit_data ?? empty, `${at}.deposit_data`)
  } else {
    value.partialDepositData = (validator.partial_deposit_data ?? []).map((deposit, j) =>
      depositValue(deposit, `${at}.partial_deposit_data.${j}`),
    )
  }
  return value
}

function depositValue(deposit: ClusterDepositData, at: string): Record<string, unknown> {
  return {
    pubkey: paddedBytes(deposit.pubkey, 48, `${at}.pubkey`),
    withdrawalCredentials: paddedBytes(deposit.withdrawal_credentials, 32, `${at}.withdrawal_credentials`),
    amount: BigInt(deposit.amount),
    signature: paddedBytes(deposit.signature, 96, `${at}.signature`),
  }
}

function rightPadded(hex: string, length: number, field: string): Uint8Array {
  const bytes = paddedBytes(hex, length, field)
  const used = Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex').length
  const out = new Uint8Array(length)
  out.set(bytes.subarray(length - used), 0)
  return out
}
