import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { hashDefinition } from './hashDefinition.ts'
import { hashLock } from './hashLock.ts'
import { parseClusterDefinition } from './parseClusterDefinition.ts'
import { parseClusterLock } from './parseClusterLock.ts'

// charon's cluster/testdata and cluster/examples at e628470766427d54f100d8f4da12146e2fc33300, read
// from ../shared/vectors beside the repository (its README names them).
const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)
const read = (name: string): unknown => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'))

describe('obol hashes (charon known answers)', () => {
  for (const minor of [7, 8, 9, 10, 11]) {
    it(`cluster_definition_v1_${minor}_0.json: config and definition hash equal the file's`, () => {
      const definition = parseClusterDefinition(read(`cluster_definition_v1_${minor}_0.json`))
      assert.deepEqual(hashDefinition(definition), {
        configHash: definition.config_hash,
        definitionHash: definition.definition_hash,
      })
    })
    it(`cluster_lock_v1_${minor}_0.json: config, definition and lock hash equal the file's`, () => {
      const lock = parseClusterLock(read(`cluster_lock_v1_${minor}_0.json`))
      const definition = lock.cluster_definition
      assert.deepEqual(hashDefinition(definition), {
        configHash: definition.config_hash,
        definitionHash: definition.definition_hash,
      })
      assert.equal(hashLock(lock), lock.lock_hash)
    })
  }
  it('cluster-definition-004.json (v1.7.0): hashes equal the file', () => {
    const definition = parseClusterDefinition(read('cluster-definition-004.json'))
    assert.deepEqual(hashDefinition(definition), {
      configHash: definition.config_hash,
      definitionHash: definition.definition_hash,
    })
  })
  it('cluster-lock-003.json (v1.7.0): hashes equal the file', () => {
    const lock = parseClusterLock(read('cluster-lock-003.json'))
    assert.equal(hashDefinition(lock.cluster_definition).definitionHash, lock.cluster_definition.definition_hash)
    assert.equal(hashLock(lock), lock.lock_hash)
  })
})
