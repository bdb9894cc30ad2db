import {
  BooleanType,
  ByteListType,
  ByteVectorType,
  ContainerType,
  ListBasicType,
  ListCompositeType,
  type Type,
  UintBigintType,
  UintNumberType,
} from '@chainsafe/ssz'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import { ObolError } from './ObolError.ts'
import { paddedBytes } from './paddedBytes.ts'

/** An SSZ container type and its value, built field by field for one version. */
export type SszContainer = {
  type: ContainerType<Record<string, Type<unknown>>>
  value: Record<string, unknown>
}

const uint64 = new UintNumberType(8)
const gwei = new UintBigintType(8)
const bytes4 = new ByteVectorType(4)
const bytes20 = new ByteVectorType(20)
const bytes32 = new ByteVectorType(32)
const bytes65 = new ByteVectorType(65)
const k1SignatureList = new ListCompositeType(bytes65, 32)
const validatorAddresses = new ContainerType({ feeRecipientAddress: bytes20, withdrawalAddress: bytes20 })
const validatorAddressesList = new ListCompositeType(validatorAddresses, 65536)
const depositAmounts = new ListBasicType(gwei, 256)
const operatorConfig = new ContainerType({ address: bytes20 })
const operatorsConfig = new ListCompositeType(operatorConfig, 256)
const operatorFull = new ContainerType({
  address: bytes20,
  enr: new ByteListType(1024),
  configSignature: bytes65,
  enrSignature: bytes65,
})
const operatorsFull = new ListCompositeType(operatorFull, 256)
const operatorFullV1x11 = new ContainerType({
  address: bytes20,
  enr: new ByteListType(1024),
  configSignature: k1SignatureList,
  enrSignature: k1SignatureList,
})
const operatorsFullV1x11 = new ListCompositeType(operatorFullV1x11, 256)
const creatorConfig = new ContainerType({ address: bytes20 })
const creatorFull = new ContainerType({ address: bytes20, configSignature: bytes65 })
const creatorFullV1x11 = new ContainerType({ address: bytes20, configSignature: k1SignatureList })

const utf8 = new TextEncoder()

/**
 * The SSZ container charon hashes for a definition of v1.7.0 to v1.11.0: `configOnly` leaves out
 * the ENRs, every signature and the config hash (the config hash), otherwise every field (the
 * definition hash). v1.8 adds the deposit amounts, v1.9 the consensus protocol, v1.10 the target
 * gas limit and compounding; v1.11 hashes each signature as a list of 65-byte signatures (Safe
 * multisig signatures are several concatenated).
 */
export function definitionSsz(definition: ClusterDefinition, { configOnly }: { configOnly: boolean }): SszContainer {
  const version = definition.version
  const v1x11 = version === 'v1.11.0'
  const fields: Record<string, Type<unknown>> = {}
  const value: Record<string, unknown> = {}
  const put = (name: string, type: Type<unknown>, fieldValue: unknown): void => {
    fields[name] = type
    value[name] = fieldValue
  }
  const byteList = (name: string, text: string, limit: number): void => {
    const bytes = utf8.encode(text)
    if (bytes.length > limit)
      throw new ObolError({
        code: 'OBOL_BAD_SHAPE',
        shortMessage: `field ${name} has ${bytes.length} bytes, at most ${limit} allowed`,
        details: `${name}: at most ${limit} bytes`,
      })
    put(name, new ByteListType(limit), bytes)
  }
  const signature = (hex: string, field: string): Uint8Array | Uint8Array[] =>
    v1x11 ? signatureList(hex, field) : paddedBytes(hex, 65, field)

  byteList('uuid', definition.uuid, 64)
  byteList('name', definition.name, 256)
  byteList('version', definition.version, 16)
  byteList('timestamp', definition.timestamp, 32)
  put('num_validators', uint64, definition.num_validators)
  put('threshold', uint64, definition.threshold)
  byteList('dkg_algorithm', definition.dkg_algorithm, 32)
  put('fork_version', bytes4, paddedBytes(definition.fork_version, 4, 'fork_version'))
  if (definition.operators.length > 256)
    throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: 'field operators has more than 256 operators' })
  put(
    'operators',
    configOnly ? operatorsConfig : v1x11 ? operatorsFullV1x11 : operatorsFull,
    definition.operators.map((operator, i) => {
      const address = paddedBytes(operator.address, 20, `operators.${i}.address`, true)
      if (configOnly) return { address }
      const enr = utf8.encode(operator.enr)
      if (enr.length > 1024)
        throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `field operators.${i}.enr is over 1024 bytes` })
      return {
        address,
        enr,
        configSignature: signature(operator.config_signature, `operators.${i}.config_signature`),
        enrSignature: signature(operator.enr_signature, `operators.${i}.enr_signature`),
      }
    }),
  )
  const creatorAddress = paddedBytes(definition.creator.address, 20, 'creator.address', true)
  put(
    'creator',
    configOnly ? creatorConfig : v1x11 ? creatorFullV1x11 : creatorFull,
    configOnly
      ? { address: creatorAddress }
      : {
          address: creatorAddress,
          configSignature: signature(definition.creator.config_signature, 'creator.config_signature'),
        },
  )
  put(
    'validators',
    validatorAddressesList,
    definition.validators.map((validator, i) => ({
      feeRecipientAddress: paddedBytes(
        validator.fee_recipient_address,
        20,
        `validators.${i}.fee_recipient_address`,
        true,
      ),
      withdrawalAddress: paddedBytes(validator.withdrawal_address, 20, `validators.${i}.withdrawal_address`, true),
    })),
  )
  if (version !== 'v1.7.0') {
    const amounts = definition.deposit_amounts ?? []
    if (amounts.length > 256)
      throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: 'field deposit_amounts has more than 256 amounts' })
    put('deposit_amounts', depositAmounts, amounts.map(BigInt))
  }
  if (version !== 'v1.7.0' && version !== 'v1.8.0')
    byteList('consensus_protocol', definition.consensus_protocol ?? '', 256)
  if (version === 'v1.10.0' || v1x11) {
    put('target_gas_limit', uint64, definition.target_gas_limit ?? 0)
    put('compounding', new BooleanType(), definition.compounding ?? false)
  }
  if (!configOnly) put('config_hash', bytes32, paddedBytes(definition.config_hash, 32, 'config_hash'))
  return { type: new ContainerType(fields), value }
}

function signatureList(hex: string, field: string): Uint8Array[] {
  const bytes = Buffer.from(hex.startsWith('0x') ? hex.slice(2) : hex, 'hex')
  if (bytes.length % 65 !== 0 || bytes.length > 32 * 65)
    throw new ObolError({
      code: 'OBOL_BAD_SHAPE',
      shortMessage: `field ${field} is not up to 32 signatures of 65 bytes`,
      details: `${field}: ${bytes.length} bytes`,
    })
  const list: Uint8Array[] = []
  for (let offset = 0; offset < bytes.length; offset += 65)
    list.push(new Uint8Array(bytes.subarray(offset, offset + 65)))
  return list
}
