import assert from 'node:assert/strict'
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { isChainopsError, Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { assertValidShares } from './assertValidShares.ts'
import { buildKeyShares } from './buildKeyShares.ts'
import { encodeOperatorKey } from './encodeOperatorKey.ts'
import type { KeySharesFile } from './KeySharesFile.ts'
import type { SharesFindingCode } from './SharesFinding.ts'
import { verifyShares } from './verifyShares.ts'

const owner = '0x8ba1f109551bD432803012645Ac136ddd64DBA72'
const rsa = Array.from({ length: 7 }, () => generateKeyPairSync('rsa', { modulusLength: 2048 }))
const ids = [40, 7, 300, 12, 5, 99, 1]
const operators = ids.map((id, i) => ({
  id,
  operatorKey: encodeOperatorKey((rsa[i] as { publicKey: KeyObject }).publicKey),
}))
const privateKeys = Object.fromEntries(ids.map((id, i) => [id, (rsa[i] as { privateKey: KeyObject }).privateKey]))
const validatorBytes = (seed: number) => SecretKey.fromKeygen(new Uint8Array(32).fill(seed)).toBytes()
const validator = (seed: number) => ({ secret: new Secret(validatorBytes(seed)) })
const clone = (file: KeySharesFile): KeySharesFile => JSON.parse(JSON.stringify(file))
const four = operators.slice(0, 4)

describe('buildKeyShares and verifyShares', () => {
  it('writes the ssv-keys v1.1.0 file for 4 operators, sorted by id, and it verifies completely with the operator keys', () => {
    const file = buildKeyShares({
      validators: [validator(1)],
      operators: four,
      ownerAddress: owner.toLowerCase(),
      ownerNonce: 3,
    })
    assert.equal(file.version, 'v1.1.0')
    assert.ok(!Number.isNaN(Date.parse(file.createdAt)))
    const [item] = file.shares
    assert.ok(item)
    const publicKey = `0x${Buffer.from(SecretKey.fromBytes(validatorBytes(1)).toPublicKey().toBytes()).toString('hex')}`
    assert.deepEqual(Object.keys(item.data), ['ownerNonce', 'ownerAddress', 'publicKey', 'operators'])
    assert.deepEqual(Object.keys(item.payload), ['publicKey', 'operatorIds', 'sharesData'])
    assert.equal(item.data.ownerAddress, owner)
    assert.equal(item.data.ownerNonce, 3)
    assert.equal(item.data.publicKey, publicKey)
    assert.equal(item.payload.publicKey, publicKey)
    assert.deepEqual(item.payload.operatorIds, [7, 12, 40, 300])
    assert.deepEqual(
      item.data.operators.map((operator) => operator.id),
      [7, 12, 40, 300],
    )
    assert.equal(item.payload.sharesData.length, 2 + 2 * (96 + 4 * (48 + 256)))
    const report = verifyShares(JSON.stringify(file), { operatorPrivateKeys: privateKeys })
    assert.deepEqual(report.findings, [])
    assert.equal(report.valid, true)
    assert.deepEqual(report.validators[0]?.decryptedOperatorIds, [7, 12, 40, 300])
    assert.deepEqual(report.validators[0]?.reconstructedSubsets, [
      [7, 12, 40],
      [12, 40, 300],
      [7, 40, 300],
      [7, 12, 300],
    ])
  })

  it('bulk: three validators for one 7-operator cluster in one file at consecutive nonces, all verify', () => {
    const progress: string[] = []
    const file = buildKeyShares({
      validators: [validator(1), validator(2), validator(3)],
      operators,
      ownerAddress: owner,
      ownerNonce: 10,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    })
    assert.deepEqual(progress, ['1/3', '2/3', '3/3'])
    assert.deepEqual(
      file.shares.map((item) => item.data.ownerNonce),
      [10, 11, 12],
    )
    const report = verifyShares(file, { operatorPrivateKeys: privateKeys })
    assert.deepEqual(report.findings, [])
    for (const verified of report.validators) {
      assert.equal(verified.decryptedOperatorIds.length, 7)
      assert.equal(verified.reconstructedSubsets.length, 7)
      assert.ok(verified.reconstructedSubsets.every((subset) => subset.length === 5))
    }
    // Without private keys only the off-chain structure and signatures are checked.
    assert.equal(verifyShares(file).valid, true)
  })

  it('no validator or share secret reaches the file, a finding or an error', () => {
    const secretHex = Buffer.from(validatorBytes(1)).toString('hex')
    const file = buildKeyShares({ validators: [validator(1)], operators: four, ownerAddress: owner, ownerNonce: 0 })
    assert.ok(!JSON.stringify(file).includes(secretHex))
    const tampered = clone(file)
    tampered.shares[0]!.data.ownerNonce = 1
    assert.throws(
      () => assertValidShares(tampered),
      (error: unknown) =>
        isChainopsError(error, 'SSV_SHARES_INVALID') &&
        !JSON.stringify(error).includes(secretHex) &&
        !String(error).includes(secretHex),
    )
  })

  const base = () =>
    buildKeyShares({ validators: [validator(1), validator(2)], operators: four, ownerAddress: owner, ownerNonce: 0 })
  const tamper: [string, (file: KeySharesFile) => void, SharesFindingCode, number?][] = [
    [
      'a flipped signature byte',
      (f) => {
        f.shares[0]!.payload.sharesData =
          `0x${f.shares[0]!.payload.sharesData.slice(2, 10)}${f.shares[0]!.payload.sharesData.slice(10, 12) === 'ff' ? '00' : 'ff'}${f.shares[0]!.payload.sharesData.slice(12)}`
      },
      'SIGNATURE_INVALID',
    ],
    [
      'another owner',
      (f) => {
        for (const item of f.shares) item.data.ownerAddress = '0x0000000000000000000000000000000000000001'
      },
      'SIGNATURE_INVALID',
    ],
    [
      '4 operators, sharesData one share (304 bytes) short',
      (f) => {
        f.shares[0]!.payload.sharesData = `0x${f.shares[0]!.payload.sharesData.slice(2, -608)}`
      },
      'SHARES_DATA_LENGTH',
    ],
    [
      '4 operators, sharesData one share (304 bytes) too long',
      (f) => {
        f.shares[0]!.payload.sharesData = `${f.shares[0]!.payload.sharesData}${'ab'.repeat(304)}`
      },
      'SHARES_DATA_LENGTH',
    ],
    [
      '3 operators',
      (f) => {
        f.shares[0]!.payload.operatorIds.pop()
        f.shares[0]!.data.operators.pop()
      },
      'OPERATOR_COUNT',
    ],
    [
      'unsorted operator ids',
      (f) => {
        f.shares[0]!.payload.operatorIds.reverse()
        f.shares[0]!.data.operators.reverse()
      },
      'OPERATOR_IDS_UNSORTED',
    ],
    [
      'a duplicate operator id',
      (f) => {
        f.shares[0]!.payload.operatorIds[1] = f.shares[0]!.payload.operatorIds[0]!
        f.shares[0]!.data.operators[1]!.id = f.shares[0]!.data.operators[0]!.id
      },
      'OPERATOR_IDS_DUPLICATE',
    ],
    [
      'operatorIds differing from data.operators',
      (f) => {
        f.shares[0]!.payload.operatorIds[3] = 301
      },
      'OPERATOR_IDS_MISMATCH',
    ],
    [
      'an RSA-1024 operator key',
      (f) => {
        f.shares[0]!.data.operators[0]!.operatorKey = encodeOperatorKey(
          generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey,
        )
      },
      'OPERATOR_KEY',
    ],
    [
      'data and payload public keys differing',
      (f) => {
        f.shares[0]!.data.publicKey = f.shares[1]!.data.publicKey
      },
      'PUBLIC_KEY_MISMATCH',
    ],
    [
      'a nonce gap in bulk',
      (f) => {
        f.shares[1]!.data.ownerNonce = 2
      },
      'NONCE_NOT_CONSECUTIVE',
    ],
    [
      'another cluster in bulk',
      (f) => {
        f.shares[1]!.payload.operatorIds[3] = 301
        f.shares[1]!.data.operators[3]!.id = 301
      },
      'CLUSTER_MISMATCH',
    ],
    [
      'the same validator twice',
      (f) => {
        f.shares[1] = clone(f).shares[0]!
        f.shares[1].data.ownerNonce = 1
      },
      'DUPLICATE_VALIDATOR',
    ],
    [
      'two encrypted shares swapped',
      (f) => {
        const hex = f.shares[0]!.payload.sharesData.slice(2)
        const at = 2 * (96 + 4 * 48)
        const a = hex.slice(at, at + 512)
        const b = hex.slice(at + 512, at + 1024)
        f.shares[0]!.payload.sharesData = `0x${hex.slice(0, at)}${b}${a}${hex.slice(at + 1024)}`
      },
      'SHARE_DECRYPT',
      7,
    ],
    [
      'a share public key replaced by another valid one',
      (f) => {
        const hex = f.shares[0]!.payload.sharesData.slice(2)
        const other = f.shares[1]!.payload.sharesData.slice(2)
        const at = 2 * 96
        f.shares[0]!.payload.sharesData = `0x${hex.slice(0, at)}${other.slice(at, at + 96)}${hex.slice(at + 96)}`
      },
      'SHARE_PUBLIC_KEY_MISMATCH',
      7,
    ],
  ]
  for (const [name, change, code, operatorId] of tamper)
    it(`finds ${name}: ${code}`, () => {
      const file = clone(base())
      change(file)
      const report = verifyShares(file, { operatorPrivateKeys: privateKeys })
      assert.equal(report.valid, false)
      const finding = report.findings.find((item) => item.code === code)
      assert.ok(finding, `expected ${code} in ${JSON.stringify(report.findings)}`)
      if (operatorId !== undefined) assert.equal(finding.operatorId, operatorId)
      assert.equal(
        finding.validatorIndex,
        code === 'NONCE_NOT_CONSECUTIVE' || code === 'CLUSTER_MISMATCH' || code === 'DUPLICATE_VALIDATOR' ? 1 : 0,
      )
      assert.throws(
        () => assertValidShares(file, { operatorPrivateKeys: privateKeys }),
        (error: unknown) => isChainopsError(error, 'SSV_SHARES_INVALID'),
      )
    })

  it('a wrong operator private key is SHARE_DECRYPT for that operator; an unparsable one is SSV_SHARES_OPERATOR_PRIVATE_KEY', () => {
    const file = buildKeyShares({ validators: [validator(1)], operators: four, ownerAddress: owner, ownerNonce: 0 })
    const report = verifyShares(file, { operatorPrivateKeys: { ...privateKeys, 12: privateKeys[5] as KeyObject } })
    assert.deepEqual(
      report.findings.map((finding) => [finding.code, finding.operatorId]),
      [['SHARE_DECRYPT', 12]],
    )
    assert.throws(
      () => verifyShares(file, { operatorPrivateKeys: { 12: 'nope' } }),
      (error: unknown) => isChainopsError(error, 'SSV_SHARES_OPERATOR_PRIVATE_KEY'),
    )
  })

  for (const [name, input] of [
    ['text that is not JSON', '{'],
    ['another version', JSON.stringify({ version: 'v1.0.0', createdAt: '', shares: [] })],
    ['no shares', JSON.stringify({ version: 'v1.1.0', createdAt: '', shares: [] })],
    ['a number', 42],
  ] as const)
    it(`refuses ${name} as SSV_SHARES_FILE_FORMAT`, () => {
      assert.throws(
        () => verifyShares(input),
        (error: unknown) => isChainopsError(error, 'SSV_SHARES_FILE_FORMAT'),
      )
    })

  const badBuild: [string, () => unknown, string][] = [
    [
      '5 operators',
      () =>
        buildKeyShares({
          validators: [validator(1)],
          operators: operators.slice(0, 5),
          ownerAddress: owner,
          ownerNonce: 0,
        }),
      'SSV_SHARES_OPERATOR_COUNT',
    ],
    [
      'a duplicate operator id',
      () =>
        buildKeyShares({
          validators: [validator(1)],
          operators: [...four.slice(0, 3), { ...four[3]!, id: four[0]!.id }],
          ownerAddress: owner,
          ownerNonce: 0,
        }),
      'SSV_SHARES_DUPLICATE_OPERATOR',
    ],
    [
      'one operator key for two ids',
      () =>
        buildKeyShares({
          validators: [validator(1)],
          operators: [...four.slice(0, 3), { ...four[0]!, id: 1000 }],
          ownerAddress: owner,
          ownerNonce: 0,
        }),
      'SSV_SHARES_DUPLICATE_OPERATOR',
    ],
    [
      'an RSA-1024 operator key',
      () =>
        buildKeyShares({
          validators: [validator(1)],
          operators: [
            ...four.slice(0, 3),
            { id: 1000, operatorKey: encodeOperatorKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey) },
          ],
          ownerAddress: owner,
          ownerNonce: 0,
        }),
      'SSV_SHARES_OPERATOR_KEY',
    ],
    [
      'a bad owner',
      () => buildKeyShares({ validators: [validator(1)], operators: four, ownerAddress: '0x1234', ownerNonce: 0 }),
      'SSV_SHARES_OWNER',
    ],
    [
      'a negative nonce',
      () => buildKeyShares({ validators: [validator(1)], operators: four, ownerAddress: owner, ownerNonce: -1 }),
      'SSV_SHARES_OWNER',
    ],
    [
      'no validators',
      () => buildKeyShares({ validators: [], operators: four, ownerAddress: owner, ownerNonce: 0 }),
      'SSV_SHARES_VALIDATOR_KEY',
    ],
    [
      'the same validator twice',
      () =>
        buildKeyShares({
          validators: [validator(1), validator(1)],
          operators: four,
          ownerAddress: owner,
          ownerNonce: 0,
        }),
      'SSV_SHARES_VALIDATOR_KEY',
    ],
  ]
  for (const [name, call, code] of badBuild)
    it(`refuses to build with ${name}: ${code}`, () => {
      assert.throws(call, (error: unknown) => isChainopsError(error, code as 'SSV_SHARES_OWNER'))
    })
})
