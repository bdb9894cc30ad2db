import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { BLS_CURVE_ORDER } from '../../keys/BLS_CURVE_ORDER.ts'
import { bytesToScalar } from './bytesToScalar.ts'
import { reconstructValidatorKey } from './reconstructValidatorKey.ts'
import { scalarToBytes } from './scalarToBytes.ts'
import { splitValidatorKey } from './splitValidatorKey.ts'

const validatorBytes = () => scalarToBytes(0x2a5b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2bn)

/** Every subset of `size` elements of `items`. */
function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]]
  const out: T[][] = []
  items.forEach((item, i) => {
    for (const rest of subsets(items.slice(i + 1), size - 1)) out.push([item, ...rest])
  })
  return out
}

describe('splitValidatorKey', () => {
  for (const [n, t] of [
    [4, 3],
    [7, 5],
    [10, 7],
    [13, 9],
  ] as const) {
    it(`splits for ${n} operators with threshold ${t}; shares sorted by id, pubkeys match their secrets`, () => {
      const ids = Array.from({ length: n }, (_, i) => 1000 - i * 37)
      const { threshold, shares } = splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: ids })
      assert.equal(threshold, t)
      assert.deepEqual(
        shares.map((share) => share.operatorId),
        [...ids].sort((a, b) => a - b),
      )
      for (const share of shares) {
        assert.equal(share.secret.reveal().length, 32)
        assert.deepEqual(share.publicKey, SecretKey.fromBytes(share.secret.reveal()).toPublicKey().toBytes())
      }
      const first = reconstructValidatorKey(shares.slice(0, t))
      assert.deepEqual(first.reveal(), validatorBytes())
      const last = reconstructValidatorKey(shares.slice(n - t))
      assert.deepEqual(last.reveal(), validatorBytes())
      // t - 1 shares give some other scalar.
      assert.notDeepEqual(reconstructValidatorKey(shares.slice(0, t - 1)).reveal(), validatorBytes())
    })
  }

  it('every 3-of-4 subset reconstructs the key, shares evaluated at the ids (not positions)', () => {
    const { shares } = splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [5, 1, 900, 42] })
    for (const subset of subsets(shares, 3))
      assert.deepEqual(reconstructValidatorKey(subset).reveal(), validatorBytes())
    // Evaluated at positions 1..3 instead, the same shares reconstruct something else.
    const byPosition = shares.slice(0, 3).map((share, i) => ({ operatorId: i + 1, secret: share.secret }))
    assert.notDeepEqual(reconstructValidatorKey(byPosition).reveal(), validatorBytes())
  })

  it('uses fresh random coefficients each time (two splits share only the secret)', () => {
    const a = splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 3, 4] })
    const b = splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 3, 4] })
    assert.notDeepEqual(a.shares[0]?.secret.reveal(), b.shares[0]?.secret.reveal())
    for (const share of a.shares) assert.ok(bytesToScalar(share.secret.reveal()) < BLS_CURVE_ORDER)
  })

  it('shares are Secrets that print redacted and can be wiped', () => {
    const { shares } = splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 3, 4] })
    const share = shares[0]
    assert.ok(share)
    const hex = Buffer.from(share.secret.reveal()).toString('hex')
    assert.ok(!JSON.stringify(shares).includes(hex))
    assert.equal(String(share.secret), '[redacted]')
    const bytes = share.secret.reveal()
    share.secret.wipe()
    assert.ok(bytes.every((byte) => byte === 0))
  })

  const bad: [string, () => unknown, string][] = [
    [
      '3 operators',
      () => splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 3] }),
      'SSV_SHARES_OPERATOR_COUNT',
    ],
    [
      '5 operators',
      () => splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 3, 4, 5] }),
      'SSV_SHARES_OPERATOR_COUNT',
    ],
    [
      'duplicate ids',
      () => splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1, 2, 2, 4] }),
      'SSV_SHARES_DUPLICATE_OPERATOR',
    ],
    [
      'id 0',
      () => splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [0, 2, 3, 4] }),
      'SSV_SHARES_OPERATOR_ID',
    ],
    [
      'fractional id',
      () => splitValidatorKey({ secret: new Secret(validatorBytes()), operatorIds: [1.5, 2, 3, 4] }),
      'SSV_SHARES_OPERATOR_ID',
    ],
    [
      'zero key',
      () => splitValidatorKey({ secret: new Secret(new Uint8Array(32)), operatorIds: [1, 2, 3, 4] }),
      'SSV_SHARES_VALIDATOR_KEY',
    ],
    [
      'key = r',
      () => splitValidatorKey({ secret: new Secret(scalarToBytes(BLS_CURVE_ORDER)), operatorIds: [1, 2, 3, 4] }),
      'SSV_SHARES_VALIDATOR_KEY',
    ],
    [
      '31-byte key',
      () => splitValidatorKey({ secret: new Secret(new Uint8Array(31).fill(1)), operatorIds: [1, 2, 3, 4] }),
      'SSV_SHARES_VALIDATOR_KEY',
    ],
    ['reconstruct from nothing', () => reconstructValidatorKey([]), 'SSV_SHARES_RECONSTRUCT'],
    [
      'reconstruct with a repeated id',
      () =>
        reconstructValidatorKey([
          { operatorId: 1, secret: new Secret(validatorBytes()) },
          { operatorId: 1, secret: new Secret(validatorBytes()) },
        ]),
      'SSV_SHARES_RECONSTRUCT',
    ],
  ]
  for (const [name, call, code] of bad)
    it(`refuses ${name} with ${code}`, () => {
      assert.throws(call, (error: unknown) => isChainopsError(error, code as 'SSV_SHARES_RECONSTRUCT'))
    })
})
