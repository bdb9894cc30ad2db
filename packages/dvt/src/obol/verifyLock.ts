import { fastAggregateVerify, PublicKey, Signature, verify } from '@chainsafe/blst'
import { type Hex, recoverPublicKey } from 'viem'
import { computeDepositDomain } from '../deposit/computeDepositDomain.ts'
import { computeSigningRoot } from '../deposit/computeSigningRoot.ts'
import { DepositMessage } from '../deposit/DepositMessage.ts'
import { assertSharesReconstruct } from './assertSharesReconstruct.ts'
import { builderRegistrationSigningRoot } from './builderRegistrationSigningRoot.ts'
import type { ClusterDepositData, ClusterLock } from './ClusterLock.ts'
import { enrPublicKey } from './enrPublicKey.ts'
import { hashLock } from './hashLock.ts'
import { ObolError } from './ObolError.ts'
import { paddedBytes } from './paddedBytes.ts'
import { verifyDefinition } from './verifyDefinition.ts'

export type VerifyLockReturnType = {
  configHash: Hex
  definitionHash: Hex
  lockHash: Hex
  /** Every signature checked: the definition's EIP-712 ones, the BLS aggregate, builder registrations, deposits, node signatures. */
  signatures: number
  /** Deposit data signatures among them (a v1.7 lock may carry none). */
  deposits: number
}

export type VerifyLockErrorType = ObolError

/**
 * Checks a cluster lock completely, in charon's order: the definition ({@link verifyDefinition}:
 * hashes and EIP-712 signatures), the validator count and the lock hash, the threshold (from
 * ceil(2n/3) to n for n operators), one public share per operator, no repeated group key, public
 * shares that reconstruct the group key (the first threshold ones, and each further one with the
 * first threshold - 1, as charon checks), the BLS
 * aggregate signature over the lock hash by every public share of every validator
 * (FastAggregateVerify, proof-of-possession DST), each builder registration and deposit data
 * signature by the group key (with the definition's fee recipient and withdrawal address), and each
 * operator's node signature of the lock hash by its ENR key. The first failure is thrown, naming it.
 */
export async function verifyLock(lock: ClusterLock): Promise<VerifyLockReturnType> {
  const definition = lock.cluster_definition
  const { configHash, definitionHash, signatures: definitionSignatures } = await verifyDefinition(definition)
  const validators = lock.distributed_validators
  if (validators.length !== definition.num_validators)
    throw new ObolError({
      code: 'OBOL_INCONSISTENT',
      shortMessage: `the lock has ${validators.length} validators, its definition ${definition.num_validators}`,
    })
  const lockHash = hashLock(lock)
  if (lockHash !== normalise(lock.lock_hash))
    throw new ObolError({
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'lock_hash is not the hash of the lock',
      details: `file ${lock.lock_hash}, computed ${lockHash}`,
    })

  const operators = definition.operators.length
  const minimum = Math.ceil((2 * operators) / 3)
  if (definition.threshold < minimum || definition.threshold > operators || definition.threshold < 1)
    throw new ObolError({
      code: 'OBOL_INCONSISTENT',
      shortMessage: `threshold ${definition.threshold} is outside ${minimum} (ceil(2n/3)) to ${operators} for ${operators} operators`,
    })

  const message = paddedBytes(lockHash, 32, 'lock_hash')
  const groupKeys = new Set<string>()
  const shares: PublicKey[] = []
  for (const [i, validator] of validators.entries()) {
    const at = `distributed_validators.${i}`
    if (validator.public_shares.length !== operators)
      throw new ObolError({
        code: 'OBOL_INCONSISTENT',
        shortMessage: `${at} has ${validator.public_shares.length} public shares for ${operators} operators`,
      })
    const key = normalise(validator.distributed_public_key)
    if (groupKeys.has(key))
      throw new ObolError({
        code: 'OBOL_INCONSISTENT',
        shortMessage: `${at}.distributed_public_key repeats another validator's`,
      })
    groupKeys.add(key)
    for (const [j, share] of validator.public_shares.entries())
      shares.push(blsPublicKey(share, `${at}.public_shares.${j}`))
    assertSharesReconstruct(validator.distributed_public_key, validator.public_shares, definition.threshold, at)
  }
  const aggregate = blsSignature(lock.signature_aggregate, 'signature_aggregate')
  if (!fastAggregateVerify(message, shares, aggregate))
    throw new ObolError({
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'signature_aggregate does not verify',
      details: 'not the aggregate of every public share signing the lock hash',
    })
  let signatures = definitionSignatures + 1
  let deposits = 0

  for (const [i, validator] of validators.entries()) {
    const at = `distributed_validators.${i}`
    const groupKey = blsPublicKey(validator.distributed_public_key, `${at}.distributed_public_key`)
    const addresses = definition.validators[i]
    const registration = validator.builder_registration
    // As charon does: the registration must be for this validator and the definition's fee recipient.
    const registrationRoot = builderRegistrationSigningRoot(
      {
        ...registration.message,
        fee_recipient: addresses?.fee_recipient_address ?? registration.message.fee_recipient,
        pubkey: validator.distributed_public_key,
      },
      definition.fork_version,
      `${at}.builder_registration.message`,
    )
    const registrationSignature = blsSignature(registration.signature, `${at}.builder_registration.signature`)
    if (!verify(registrationRoot, groupKey, registrationSignature))
      throw new ObolError({
        code: 'OBOL_BAD_SIGNATURE',
        shortMessage: `${at}.builder_registration.signature does not verify`,
        details: `by the group key for fee recipient ${addresses?.fee_recipient_address}`,
      })
    signatures++

    const list: [ClusterDepositData, string][] =
      definition.version === 'v1.7.0'
        ? validator.deposit_data && normalise(validator.deposit_data.pubkey) !== '0x'
          ? [[validator.deposit_data, `${at}.deposit_data`]]
          : []
        : (validator.partial_deposit_data ?? []).map((deposit, j) => [deposit, `${at}.partial_deposit_data.${j}`])
    for (const [deposit, field] of list) {
      if (normalise(deposit.pubkey) !== normalise(validator.distributed_public_key))
        throw new ObolError({
          code: 'OBOL_INCONSISTENT',
          shortMessage: `${field}.pubkey is not the validator's group key`,
        })
      const credentials = paddedBytes(deposit.withdrawal_credentials, 32, `${field}.withdrawal_credentials`)
      const address = addresses
        ? paddedBytes(addresses.withdrawal_address, 20, `validators.${i}.withdrawal_address`)
        : null
      if (address && Buffer.compare(credentials.subarray(12), address) !== 0)
        throw new ObolError({
          code: 'OBOL_INCONSISTENT',
          shortMessage: `${field}.withdrawal_credentials are not for the definition's withdrawal address`,
          details: `withdrawal address ${addresses?.withdrawal_address}`,
        })
      const root = computeSigningRoot(
        DepositMessage.hashTreeRoot({
          pubkey: paddedBytes(deposit.pubkey, 48, `${field}.pubkey`),
          withdrawalCredentials: credentials,
          amount: BigInt(deposit.amount),
        }),
        computeDepositDomain(paddedBytes(definition.fork_version, 4, 'fork_version')),
      )
      if (!verify(root, groupKey, blsSignature(deposit.signature, `${field}.signature`)))
        throw new ObolError({ code: 'OBOL_BAD_SIGNATURE', shortMessage: `${field}.signature does not verify` })
      signatures++
      deposits++
    }
  }

  const nodeSignatures = lock.node_signatures ?? []
  if (nodeSignatures.length !== operators)
    throw new ObolError({
      code: 'OBOL_INCONSISTENT',
      shortMessage: `the lock has ${nodeSignatures.length} node signatures for ${operators} operators`,
    })
  for (const [i, operator] of definition.operators.entries()) {
    const expected = enrPublicKey(operator.enr, `operators.${i}.enr`)
    const signature = normalise(nodeSignatures[i] ?? '')
    let recovered: Hex | undefined
    try {
      if (signature.length === 2 + 130) recovered = compress(await recoverPublicKey({ hash: lockHash, signature }))
    } catch {
      recovered = undefined
    }
    if (recovered !== expected.toLowerCase())
      throw new ObolError({
        code: 'OBOL_BAD_SIGNATURE',
        shortMessage: `node_signatures.${i} does not verify`,
        details: `not a signature of the lock hash by the key of operators.${i}.enr`,
      })
    signatures++
  }
  return { configHash, definitionHash, lockHash, signatures, deposits }
}

function blsPublicKey(hex: string, field: string): PublicKey {
  try {
    return PublicKey.fromBytes(paddedBytes(hex, 48, field), true)
  } catch (cause) {
    if (cause instanceof ObolError) throw cause
    throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `field ${field} is not a BLS12-381 public key`, cause })
  }
}

function blsSignature(hex: string, field: string): Signature {
  try {
    return Signature.fromBytes(paddedBytes(hex, 96, field), true)
  } catch (cause) {
    if (cause instanceof ObolError) throw cause
    throw new ObolError({ code: 'OBOL_BAD_SIGNATURE', shortMessage: `${field} is not a BLS12-381 signature`, cause })
  }
}

function compress(uncompressed: Hex): Hex {
  const x = uncompressed.slice(4, 68)
  const yOdd = Number.parseInt(uncompressed.slice(-1), 16) % 2 === 1
  return `0x${yOdd ? '03' : '02'}${x}`
}

function normalise(hex: string): Hex {
  return `0x${(hex.startsWith('0x') ? hex.slice(2) : hex).toLowerCase()}`
}
