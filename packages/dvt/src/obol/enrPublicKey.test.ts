import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { enrPublicKey } from './enrPublicKey.ts'
import { parseClusterLock } from './parseClusterLock.ts'

const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)

describe('enrPublicKey', () => {
  const lock = parseClusterLock(readFileSync(new URL('cluster-lock-003.json', vectors), 'utf8'))
  const [first] = lock.cluster_definition.operators
  assert.ok(first)

  it("gives the secp256k1 key of cluster-lock-003's ENRs after checking their record signatures", () => {
    assert.equal(
      enrPublicKey(first.enr, 'operators.0.enr'),
      '0x031b84c5567b126440995d3ed5aaba0565d71e1834604819ff9c17f5e9d5dd078f',
    )
  })
  it('refuses a record whose signature does not verify, and one that is not an ENR', () => {
    const raw = Buffer.from(first.enr.slice(4), 'base64url')
    raw[10] = (raw[10] ?? 0) ^ 1 // inside the 64-byte signature
    assert.throws(() => enrPublicKey(`enr:${raw.toString('base64url')}`, 'operators.0.enr'), {
      code: 'OBOL_BAD_SIGNATURE',
      shortMessage: 'operators.0.enr record signature does not verify',
    })
    assert.throws(() => enrPublicKey('enode://abc', 'operators.1.enr'), {
      code: 'OBOL_BAD_SHAPE',
      shortMessage: 'field operators.1.enr is not a valid ENR',
    })
  })
})
