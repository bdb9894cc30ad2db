import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { aggregateSignatures, SecretKey } from '@chainsafe/blst'
import { bls12_381_Fr } from '@noble/curves/bls12-381.js'
import { type Hex, hexToBytes, keccak256, toHex, toRlp } from 'viem'
import { generatePrivateKey, privateKeyToAccount, sign } from 'viem/accounts'
import { computeDepositDomain } from '../deposit/computeDepositDomain.ts'
import { computeSigningRoot } from '../deposit/computeSigningRoot.ts'
import { DepositMessage } from '../deposit/DepositMessage.ts'
import { builderRegistrationSigningRoot } from './builderRegistrationSigningRoot.ts'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import type { ClusterLock } from './ClusterLock.ts'
import { createDefinition } from './createDefinition.ts'
import { hashLock } from './hashLock.ts'
import { signDefinition } from './signDefinition.ts'
import { verifyLock } from './verifyLock.ts'

// A lock as a DKG would write it, built here from fresh keys (a 3-of-4 Shamir split of each group key),
// so every check can be reached with one thing wrong at a time, lock hash and aggregate re-made after
// each edit.
const compressed = (uncompressed: Hex): Hex =>
  `0x${Number.parseInt(uncompressed.slice(-1), 16) % 2 ? '03' : '02'}${uncompressed.slice(4, 68)}`
// An EIP-778 v4 record signed by its node key: keys sorted, signature r || s of keccak256(rlp(content)).
const enrOf = async (privateKey: Hex): Promise<string> => {
  const content: Hex[] = [
    '0x01',
    toHex('id'),
    toHex('v4'),
    toHex('secp256k1'),
    compressed(privateKeyToAccount(privateKey).publicKey),
  ]
  const { r, s } = await sign({ hash: keccak256(toRlp(content)), privateKey })
  const signature = `0x${r.slice(2).padStart(64, '0')}${s.slice(2).padStart(64, '0')}` as Hex
  return `enr:${Buffer.from(hexToBytes(toRlp([signature, ...content]))).toString('base64url')}`
}

async function buildLock(): Promise<{ lock: ClusterLock; reseal: (lock: ClusterLock) => Promise<ClusterLock> }> {
  const creator = privateKeyToAccount(generatePrivateKey())
  const operators = [0, 1, 2, 3].map(() => privateKeyToAccount(generatePrivateKey()))
  const nodeKeys = operators.map(() => generatePrivateKey())
  let definition: ClusterDefinition = createDefinition({
    name: 'synthetic',
    operators: operators.map((account) => account.address),
    validators: 2,
    feeRecipient: '0x000000000000000000000000000000000000fee1',
    withdrawalAddress: '0x000000000000000000000000000000000000d00d',
    network: 'hoodi',
    creator: creator.address,
    version: 'v1.10.0',
    depositAmounts: [32_000_000_000n],
  })
  definition = await signDefinition(definition, { role: 'creator', account: creator })
  for (const [i, account] of operators.entries())
    definition = await signDefinition(definition, {
      role: 'operator',
      account,
      enr: await enrOf(nodeKeys[i] as Hex),
    })
  // Shamir over the scalar field, threshold 3 of 4, shares at x = 1..4 as charon's DKG gives them.
  const polynomials = [0, 1].map(() => [0, 1, 2].map(() => bls12_381_Fr.create(BigInt(toHex(randomBytes(32))))))
  const secretKey = (scalar: bigint) => SecretKey.fromBytes(hexToBytes(toHex(scalar, { size: 32 })))
  const evaluate = (coefficients: bigint[], x: bigint) =>
    coefficients.reduceRight((acc, coefficient) => bls12_381_Fr.add(bls12_381_Fr.mul(acc, x), coefficient), 0n)
  const groupKeys = polynomials.map((coefficients) => secretKey(coefficients[0] as bigint))
  const shareKeys = polynomials.map((coefficients) => [1n, 2n, 3n, 4n].map((x) => secretKey(evaluate(coefficients, x))))
  const credentials = `0x01${'00'.repeat(11)}000000000000000000000000000000000000d00d` as Hex
  const lock: ClusterLock = {
    cluster_definition: definition,
    distributed_validators: groupKeys.map((key, v) => {
      const pubkey = toHex(key.toPublicKey().toBytes())
      const message = {
        fee_recipient: '0x000000000000000000000000000000000000fee1',
        gas_limit: 36_000_000,
        timestamp: 1742213400,
        pubkey,
      }
      const depositRoot = computeSigningRoot(
        DepositMessage.hashTreeRoot({
          pubkey: hexToBytes(pubkey),
          withdrawalCredentials: hexToBytes(credentials),
          amount: 32_000_000_000n,
        }),
        computeDepositDomain('0x10000910'),
      )
      return {
        distributed_public_key: pubkey,
        public_shares: (shareKeys[v] ?? []).map((share) => toHex(share.toPublicKey().toBytes())),
        builder_registration: {
          message,
          signature: toHex(key.sign(builderRegistrationSigningRoot(message, '0x10000910', 'x')).toBytes()),
        },
        partial_deposit_data: [
          {
            pubkey,
            withdrawal_credentials: credentials,
            amount: '32000000000',
            signature: toHex(key.sign(depositRoot).toBytes()),
          },
        ],
      }
    }),
    signature_aggregate: '',
    lock_hash: '',
    node_signatures: [],
  }
  const reseal = async (edited: ClusterLock): Promise<ClusterLock> => {
    const lockHash = hashLock(edited)
    const aggregate = aggregateSignatures(shareKeys.flat().map((share) => share.sign(hexToBytes(lockHash))))
    const node_signatures = await Promise.all(
      nodeKeys.map((privateKey) => sign({ hash: lockHash, privateKey, to: 'hex' })),
    )
    return { ...edited, lock_hash: lockHash, signature_aggregate: toHex(aggregate.toBytes()), node_signatures }
  }
  return { lock: await reseal(lock), reseal }
}

describe('verifyLock on a lock built from fresh keys (v1.10.0, partial deposits)', () => {
  it('verifies: 9 EIP-712, aggregate, 2 registrations, 2 deposits, 4 node signatures', async () => {
    const { lock } = await buildLock()
    const result = await verifyLock(lock)
    assert.equal(result.lockHash, lock.lock_hash)
    assert.equal(result.signatures, 18)
    assert.equal(result.deposits, 2)
  })
  it('names a deposit signature, a registration signature, credentials for another address, shares off the polynomial', async () => {
    const { lock, reseal } = await buildLock()
    const clone = (): ClusterLock => structuredClone(lock)

    const deposit = clone()
    const [a, b] = deposit.distributed_validators
    assert.ok(a?.partial_deposit_data?.[0] && b?.partial_deposit_data?.[0])
    a.partial_deposit_data[0].signature = b.partial_deposit_data[0].signature
    await assert.rejects(verifyLock(await reseal(deposit)), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'distributed_validators.0.partial_deposit_data.0.signature does not verify',
    })

    const registration = clone()
    const second = registration.distributed_validators[1]
    assert.ok(second)
    second.builder_registration.signature = registration.distributed_validators[0]?.builder_registration.signature ?? ''
    await assert.rejects(verifyLock(await reseal(registration)), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'distributed_validators.1.builder_registration.signature does not verify',
    })

    const credentials = clone()
    const data = credentials.distributed_validators[1]?.partial_deposit_data?.[0]
    assert.ok(data)
    data.withdrawal_credentials = `0x01${'00'.repeat(11)}${'ab'.repeat(20)}`
    await assert.rejects(verifyLock(await reseal(credentials)), {
      code: 'OBOL_INCONSISTENT',
      shortMessage:
        "distributed_validators.1.partial_deposit_data.0.withdrawal_credentials are not for the definition's withdrawal address",
    })

    const stray = clone()
    const strayShares = stray.distributed_validators[1]?.public_shares
    assert.ok(strayShares)
    strayShares[3] = toHex(SecretKey.fromKeygen(randomBytes(32)).toPublicKey().toBytes())
    await assert.rejects(verifyLock(await reseal(stray)), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: "distributed_validators.1.public_shares.3 does not lie on the group key's polynomial",
    })
    const swapped = clone()
    const swappedShares = swapped.distributed_validators[0]?.public_shares
    assert.ok(swappedShares)
    swappedShares.reverse()
    await assert.rejects(verifyLock(await reseal(swapped)), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: 'distributed_validators.0: the public shares do not reconstruct the group key',
    })

    const shares = clone()
    shares.distributed_validators[0]?.public_shares.pop()
    await assert.rejects(verifyLock(await reseal(shares)), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: 'distributed_validators.0 has 3 public shares for 4 operators',
    })
  })
})
