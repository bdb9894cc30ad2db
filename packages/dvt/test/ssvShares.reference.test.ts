// ssv-keys 1.1.0 (the SSV team's own tool) side by side with ours: each reads the other's
// keyshares, and with the operators' private keys both decrypt to shares that rebuild the key.
import assert from 'node:assert/strict'
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { Secret } from '@chainops/core'
import { create as createKeystore } from '@chainsafe/bls-keystore'
import { SecretKey } from '@chainsafe/blst'
import { KeyShares, KeySharesItem, SSVKeys } from 'ssv-keys'
import {
  buildKeyShares,
  encodeOperatorKey,
  type KeySharesFile,
  reconstructValidatorKey,
  verifyShares,
} from '../src/index.ts'

const require = createRequire(import.meta.url)
// ssv-keys' own RSA (jsencrypt), a decryptor independent of node:crypto.
const JSEncrypt = require('ssv-keys/dist/tsc/src/lib/JSEncrypt').default as new (
  options: object,
) => { setPrivateKey(pem: string): void; decrypt(base64: string): string | false }
// class-validator as ssv-keys resolves it: the copy its decorators registered their metadata in.
const { validateSync } = createRequire(require.resolve('ssv-keys'))('class-validator') as {
  validateSync(target: object): { property: string }[]
}

const owner = '0x8ba1f109551bD432803012645Ac136ddd64DBA72'
const password = 'ssv-keys reference password'
const rsa = Array.from({ length: 4 }, () => generateKeyPairSync('rsa', { modulusLength: 2048 }))
const operatorIds = [11, 3, 27, 8]
const operators = operatorIds.map((id, i) => ({
  id,
  operatorKey: encodeOperatorKey((rsa[i] as { publicKey: KeyObject }).publicKey),
}))
const privateKeys = Object.fromEntries(
  operatorIds.map((id, i) => [id, (rsa[i] as { privateKey: KeyObject }).privateKey]),
)
const privatePem = (id: number) => (privateKeys[id] as KeyObject).export({ format: 'pem', type: 'pkcs1' }) as string
const secretOf = (seed: number) => SecretKey.fromKeygen(new Uint8Array(32).fill(seed)).toBytes()
const publicKeyOf = (seed: number) =>
  `0x${Buffer.from(SecretKey.fromBytes(secretOf(seed)).toPublicKey().toBytes()).toString('hex')}`

/** An EIP-2335 keystore by @chainsafe/bls-keystore (pbkdf2 with a low count: a test, not a vault). */
async function keystoreOf(seed: number) {
  const kdf = {
    function: 'pbkdf2' as const,
    params: { dklen: 32, c: 16, prf: 'hmac-sha256' as const, salt: randomBytes(32).toString('hex') },
  }
  const publicKey = SecretKey.fromBytes(secretOf(seed)).toPublicKey().toBytes()
  return createKeystore(password, secretOf(seed), publicKey, 'm/12381/3600/0/0/0', null, kdf)
}

/** What the ssv-keys README does, item by item: extractKeys, createThreshold, encryptShares, update, buildPayload. */
async function ssvKeysItem(seed: number, ownerNonce: number) {
  const ssvKeys = new SSVKeys()
  const { privateKey, publicKey } = await ssvKeys.extractKeys(JSON.stringify(await keystoreOf(seed)), password)
  const threshold = await ssvKeys.createThreshold(privateKey, operators)
  const encryptedShares = await ssvKeys.encryptShares(operators, threshold.shares)
  const item = new KeySharesItem()
  await item.update({ ownerAddress: owner, ownerNonce, operators, publicKey })
  await item.buildPayload({ publicKey, operators, encryptedShares }, { ownerAddress: owner, ownerNonce, privateKey })
  return { item, privateKey, publicKey, threshold }
}

/** Decrypts every share of item `index` with jsencrypt and rebuilds the key from the first three. */
function jsencryptReconstruct(file: KeySharesFile, index: number): string {
  const item = file.shares[index] as KeySharesFile['shares'][number]
  const hex = item.payload.sharesData.slice(2)
  const n = item.payload.operatorIds.length
  const shares = item.payload.operatorIds.map((operatorId, i) => {
    const at = 2 * (96 + n * 48 + i * 256)
    const decryptor = new JSEncrypt({})
    decryptor.setPrivateKey(privatePem(operatorId))
    const plain = decryptor.decrypt(Buffer.from(hex.slice(at, at + 512), 'hex').toString('base64'))
    assert.ok(
      typeof plain === 'string' && /^0x[0-9a-f]{64}$/.test(plain),
      `operator ${operatorId} decrypts with jsencrypt`,
    )
    return { operatorId, secret: new Secret(new Uint8Array(Buffer.from(plain.slice(2), 'hex'))) }
  })
  const secret = reconstructValidatorKey(shares.slice(0, 3))
  return `0x${Buffer.from(SecretKey.fromBytes(secret.reveal()).toPublicKey().toBytes()).toString('hex')}`
}

describe('SSV key shares side by side with ssv-keys 1.1.0', function () {
  this.timeout(60_000)

  it('ssv-keys extracts the same key from a @chainsafe/bls-keystore keystore, and its plain shares reconstruct with our Lagrange (same evaluation at operator ids)', async () => {
    const { privateKey, publicKey, threshold } = await ssvKeysItem(1, 0)
    assert.equal(privateKey, `0x${Buffer.from(secretOf(1)).toString('hex')}`)
    assert.equal(publicKey, publicKeyOf(1))
    const shares = threshold.shares.map((share: { privateKey: string }, i: number) => ({
      operatorId: [...operatorIds].sort((a, b) => a - b)[i] as number,
      secret: new Secret(new Uint8Array(Buffer.from(share.privateKey.slice(2), 'hex'))),
    }))
    assert.deepEqual(reconstructValidatorKey(shares.slice(1)).reveal(), secretOf(1))
  })

  it('its keyshares (single and bulk) pass our verifyShares, with every share decrypted and every 3-of-4 subset reconstructed', async () => {
    const first = await ssvKeysItem(1, 5)
    const second = await ssvKeysItem(2, 6)
    const json = new KeyShares([first.item, second.item]).toJson()
    const file = JSON.parse(json) as KeySharesFile
    assert.equal(file.version, 'v1.1.0')
    const report = verifyShares(json, { operatorPrivateKeys: privateKeys })
    assert.deepEqual(report.findings, [])
    assert.deepEqual(
      report.validators.map((v) => [v.publicKey, v.ownerNonce, v.decryptedOperatorIds, v.reconstructedSubsets.length]),
      [
        [publicKeyOf(1), 5, [3, 8, 11, 27], 4],
        [publicKeyOf(2), 6, [3, 8, 11, 27], 4],
      ],
    )
    // The same structure as ours: the same keys in the same order.
    const ours = buildKeyShares({
      validators: [{ secret: new Secret(secretOf(1)) }],
      operators,
      ownerAddress: owner,
      ownerNonce: 5,
    })
    const item = file.shares[0] as KeySharesFile['shares'][number]
    const mine = ours.shares[0] as KeySharesFile['shares'][number]
    assert.deepEqual(Object.keys(file), Object.keys(ours))
    assert.deepEqual(Object.keys(item.data), Object.keys(mine.data))
    assert.deepEqual(Object.keys(item.payload), Object.keys(mine.payload))
    assert.deepEqual(item.data.operators, mine.data.operators)
    assert.deepEqual(item.payload.operatorIds, mine.payload.operatorIds)
    assert.equal(item.payload.publicKey, mine.payload.publicKey)
    assert.equal(item.payload.sharesData.length, mine.payload.sharesData.length)
    // BLS signatures are deterministic: the owner:nonce signatures are byte-identical.
    assert.equal(item.payload.sharesData.slice(0, 2 + 192), mine.payload.sharesData.slice(0, 2 + 192))
  })

  it('ours (single and bulk) load with its KeyShares.fromJson and pass its validation (signature included)', async () => {
    const file = buildKeyShares({
      validators: [1, 2, 3].map((seed) => ({ secret: new Secret(secretOf(seed)) })),
      operators,
      ownerAddress: owner,
      ownerNonce: 0,
    })
    const loaded = await KeyShares.fromJson(JSON.stringify(file))
    const items = loaded.list()
    assert.equal(items.length, 3)
    for (const [index, item] of items.entries()) {
      assert.equal(item.error, undefined, `item ${index}: ${String(item.error)}`)
      assert.equal(item.data.ownerNonce, index)
      assert.equal(item.data.publicKey, publicKeyOf(index + 1))
      assert.deepEqual(item.data.operatorIds, [3, 8, 11, 27])
      assert.deepEqual(item.payload.operatorIds, [3, 8, 11, 27])
      // Its item.validate() discards what class-validator finds: ask class-validator (ssv-keys' own copy,
      // which holds the decorators' metadata) for the errors of the item, its data and its payload.
      for (const target of [item, item.data, item.payload])
        assert.deepEqual(validateSync(target), [], `item ${index}: ${target.constructor.name}`)
    }
    // The same check finds a broken field: a data.publicKey of the wrong length.
    const broken = items[0] as KeySharesItem
    broken.data.publicKey = '0x1234'
    assert.ok(validateSync(broken.data).some((error) => error.property === 'publicKey'))
  })

  it('with the operator private keys, both files decrypt (node:crypto and jsencrypt) and reconstruct the same validator key', async () => {
    const theirs = JSON.parse(new KeyShares([(await ssvKeysItem(4, 0)).item]).toJson()) as KeySharesFile
    const ours = buildKeyShares({
      validators: [{ secret: new Secret(secretOf(4)) }],
      operators,
      ownerAddress: owner,
      ownerNonce: 0,
    })
    assert.equal(jsencryptReconstruct(theirs, 0), publicKeyOf(4))
    assert.equal(jsencryptReconstruct(ours, 0), publicKeyOf(4))
    for (const file of [theirs, ours])
      assert.equal(verifyShares(file, { operatorPrivateKeys: privateKeys }).valid, true)
    // Random polynomials: the share public keys differ between the two files.
    assert.notEqual(
      theirs.shares[0]?.payload.sharesData.slice(194, 290),
      ours.shares[0]?.payload.sharesData.slice(194, 290),
    )
  })

  it('7 operators: its file passes ours (7 windows of 5 rebuilt), ours passes its fromJson', async () => {
    const more = Array.from({ length: 3 }, () => generateKeyPairSync('rsa', { modulusLength: 2048 }))
    const seven = [
      ...operators,
      ...[40, 2, 19].map((id, i) => ({
        id,
        operatorKey: encodeOperatorKey((more[i] as { publicKey: KeyObject }).publicKey),
      })),
    ]
    const sevenKeys = {
      ...privateKeys,
      ...Object.fromEntries([40, 2, 19].map((id, i) => [id, (more[i] as { privateKey: KeyObject }).privateKey])),
    }
    const ssvKeys = new SSVKeys()
    const privateKey = `0x${Buffer.from(secretOf(5)).toString('hex')}`
    const threshold = await ssvKeys.createThreshold(privateKey, seven)
    const encryptedShares = await ssvKeys.encryptShares(seven, threshold.shares)
    const item = new KeySharesItem()
    await item.update({ ownerAddress: owner, ownerNonce: 0, operators: seven, publicKey: threshold.publicKey })
    await item.buildPayload(
      { publicKey: threshold.publicKey, operators: seven, encryptedShares },
      { ownerAddress: owner, ownerNonce: 0, privateKey },
    )
    const report = verifyShares(new KeyShares([item]).toJson(), { operatorPrivateKeys: sevenKeys })
    assert.deepEqual(report.findings, [])
    assert.deepEqual(report.validators[0]?.operatorIds, [2, 3, 8, 11, 19, 27, 40])
    assert.equal(report.validators[0]?.reconstructedSubsets.length, 7)
    assert.ok(report.validators[0]?.reconstructedSubsets.every((subset) => subset.length === 5))
    const ours = buildKeyShares({
      validators: [{ secret: new Secret(secretOf(5)) }],
      operators: seven,
      ownerAddress: owner,
      ownerNonce: 0,
    })
    const loaded = await KeyShares.fromJson(JSON.stringify(ours))
    assert.equal(loaded.list()[0]?.error, undefined)
    assert.deepEqual(loaded.list()[0]?.payload.operatorIds, [2, 3, 8, 11, 19, 27, 40])
  })

  it('a file with a broken signature is refused by both: its fromJson sets the item error, our verifyShares finds SIGNATURE_INVALID', async () => {
    const file = buildKeyShares({
      validators: [{ secret: new Secret(secretOf(1)) }],
      operators,
      ownerAddress: owner,
      ownerNonce: 0,
    })
    const item = file.shares[0] as KeySharesFile['shares'][number]
    item.data.ownerNonce = 1
    const loaded = await KeyShares.fromJson(JSON.stringify(file))
    assert.ok(loaded.list()[0]?.error, 'ssv-keys refuses the signature')
    assert.deepEqual(
      verifyShares(file).findings.map((finding) => finding.code),
      ['SIGNATURE_INVALID'],
    )
  })
})
