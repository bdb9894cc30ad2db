import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { ClusterLock } from './ClusterLock.ts'
import { hashDefinition } from './hashDefinition.ts'
import { hashLock } from './hashLock.ts'
import { parseClusterLock } from './parseClusterLock.ts'
import { verifyLock } from './verifyLock.ts'

const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)
const read = (name: string): ClusterLock => parseClusterLock(readFileSync(new URL(name, vectors), 'utf8'))

describe('verifyLock', () => {
  it('cluster-lock-003.json (v1.7.0) verifies completely: hashes, EIP-712, BLS aggregate, registrations, node signatures', async () => {
    const lock = read('cluster-lock-003.json')
    assert.deepEqual(await verifyLock(lock), {
      configHash: lock.cluster_definition.config_hash,
      definitionHash: lock.cluster_definition.definition_hash,
      lockHash: lock.lock_hash,
      // 9 EIP-712, 1 aggregate, 3 builder registrations, 4 node signatures; its deposit data is empty.
      signatures: 17,
      deposits: 0,
    })
  })
  for (const minor of [7, 8, 9, 10, 11]) {
    it(`cluster_lock_v1_${minor}_0.json (random signatures) fails naming operator 0's config signature`, async () => {
      await assert.rejects(verifyLock(read(`cluster_lock_v1_${minor}_0.json`)), {
        code: 'OBOL_BAD_SIGNATURE',
        shortMessage: 'operator 0 config signature does not verify',
      })
    })
  }
  it('one byte changed fails: a validator field (lock hash), a node signature, the aggregate', async () => {
    const share = read('cluster-lock-003.json')
    const validator = share.distributed_validators[1]
    assert.ok(validator)
    validator.builder_registration.message.gas_limit = 30000001
    await assert.rejects(verifyLock(share), {
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'lock_hash is not the hash of the lock',
    })

    const node = read('cluster-lock-003.json')
    const signatures = node.node_signatures ?? []
    signatures[3] = `${signatures[3]?.slice(0, 20)}00${signatures[3]?.slice(22)}`
    await assert.rejects(verifyLock(node), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'node_signatures.3 does not verify',
    })

    const aggregate = read('cluster-lock-003.json')
    // Another valid G2 point: a builder registration signature from the same lock.
    aggregate.signature_aggregate = aggregate.distributed_validators[0]?.builder_registration.signature ?? ''
    await assert.rejects(verifyLock(aggregate), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'signature_aggregate does not verify',
    })
  })
  it('a registration signature that does not verify is named (hashes recomputed so the check is reached)', async () => {
    const lock = read('cluster-lock-003.json')
    const [first, second] = lock.distributed_validators
    assert.ok(first && second)
    first.builder_registration.signature = second.builder_registration.signature
    lock.lock_hash = hashLock(lock)
    // The aggregate signs the lock hash, so it now fails first: a lock cannot be edited and re-hashed.
    await assert.rejects(verifyLock(lock), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'signature_aggregate does not verify',
    })
    assert.equal(hashDefinition(lock.cluster_definition).configHash, lock.cluster_definition.config_hash)
  })
})
