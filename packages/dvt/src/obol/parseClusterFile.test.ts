import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { hashDefinition } from './hashDefinition.ts'
import { parseClusterDefinition } from './parseClusterDefinition.ts'
import { parseClusterLock } from './parseClusterLock.ts'

const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)
const text = (name: string): string => readFileSync(new URL(name, vectors), 'utf8')

describe('parseClusterDefinition / parseClusterLock', () => {
  it('reads JSON text and the parsed value alike', () => {
    const raw = text('cluster_definition_v1_10_0.json')
    assert.deepEqual(parseClusterDefinition(raw), parseClusterDefinition(JSON.parse(raw)))
  })
  it('refuses an unknown version as such', () => {
    const definition = { ...JSON.parse(text('cluster_definition_v1_7_0.json')), version: 'v1.6.0' }
    assert.throws(() => parseClusterDefinition(definition), {
      code: 'OBOL_UNSUPPORTED_VERSION',
      shortMessage: 'cluster definition version "v1.6.0" is not supported',
    })
    const lock = JSON.parse(text('cluster_lock_v1_8_0.json'))
    lock.cluster_definition.version = 'v2.0.0'
    assert.throws(() => parseClusterLock(lock), { code: 'OBOL_UNSUPPORTED_VERSION' })
  })
  it('names the first field that does not fit', () => {
    const definition = JSON.parse(text('cluster_definition_v1_9_0.json'))
    definition.operators[1].enr_signature = '0xzz'
    assert.throws(() => parseClusterDefinition(definition), {
      code: 'OBOL_BAD_SHAPE',
      shortMessage: 'cluster definition field operators.1.enr_signature is not valid',
    })
    const lock = JSON.parse(text('cluster_lock_v1_11_0.json'))
    delete lock.distributed_validators[0].builder_registration
    assert.throws(() => parseClusterLock(lock), {
      code: 'OBOL_BAD_SHAPE',
      shortMessage: 'cluster lock field distributed_validators.0.builder_registration is not valid',
    })
    assert.throws(() => parseClusterLock('{not json'), { code: 'OBOL_BAD_SHAPE' })
  })
  it('refuses a field longer than its SSZ type, naming it, when hashing', () => {
    const definition = parseClusterDefinition(text('cluster_definition_v1_8_0.json'))
    definition.fork_version = '0x0102030405'
    assert.throws(() => hashDefinition(definition), {
      code: 'OBOL_BAD_SHAPE',
      shortMessage: 'field fork_version has 5 bytes, at most 4 expected',
    })
    const v1x11 = parseClusterDefinition(text('cluster_definition_v1_11_0.json'))
    v1x11.creator.config_signature = `${v1x11.creator.config_signature}00`
    assert.throws(() => hashDefinition(v1x11), {
      code: 'OBOL_BAD_SHAPE',
      shortMessage: 'field creator.config_signature is not up to 32 signatures of 65 bytes',
    })
  })
})
