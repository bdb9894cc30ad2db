import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseClusterDefinition } from './parseClusterDefinition.ts'
import { parseClusterLock } from './parseClusterLock.ts'
import { verifyDefinition } from './verifyDefinition.ts'

const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'))

describe('verifyDefinition', () => {
  it('cluster-lock-003.json (v1.7.0): the definition inside verifies (hashes, creator and 4 operators x 2 EIP-712 signatures)', async () => {
    const { cluster_definition } = parseClusterLock(read('cluster-lock-003.json'))
    assert.deepEqual(await verifyDefinition(cluster_definition), {
      configHash: cluster_definition.config_hash,
      definitionHash: cluster_definition.definition_hash,
      signatures: 9,
    })
  })
  for (const minor of [7, 8, 9, 10, 11]) {
    it(`cluster_definition_v1_${minor}_0.json (random signatures) fails naming operator 0's config signature`, async () => {
      const definition = parseClusterDefinition(read(`cluster_definition_v1_${minor}_0.json`))
      await assert.rejects(verifyDefinition(definition), {
        code: 'OBOL_BAD_SIGNATURE',
        shortMessage: 'operator 0 config signature does not verify',
      })
    })
  }
  it('one byte changed anywhere fails: a hashed field (hash mismatch) or a signature (bad signature)', async () => {
    const good = () => parseClusterLock(read('cluster-lock-003.json')).cluster_definition
    const renamed = good()
    renamed.name = 'test clustes'
    await assert.rejects(verifyDefinition(renamed), {
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'config_hash is not the hash of the definition',
    })
    const enr = good()
    const operator = enr.operators[2]
    assert.ok(operator)
    operator.enr = `${operator.enr.slice(0, -1)}d`
    await assert.rejects(verifyDefinition(enr), {
      code: 'OBOL_HASH_MISMATCH',
      shortMessage: 'definition_hash is not the hash of the definition',
    })
    // A changed signature also changes the definition hash: recompute it to reach the signature check.
    const { hashDefinition } = await import('./hashDefinition.ts')
    const signature = good()
    signature.creator.config_signature = `${signature.creator.config_signature.slice(0, 10)}00${signature.creator.config_signature.slice(12)}`
    signature.definition_hash = hashDefinition(signature).definitionHash
    await assert.rejects(verifyDefinition(signature), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'creator config signature does not verify',
    })
  })
})
