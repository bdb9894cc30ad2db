import assert from 'node:assert/strict'
import { generateKeyPairSync, type KeyObject } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blsPublicKey, createKeystore, encodeOperatorKey, type KeySharesFile, verifyShares } from '@chainops/dvt'
import { chainops } from './support/chainops.ts'
import { cli } from './support/cli.ts'

const owner = '0x8ba1f109551bD432803012645Ac136ddd64DBA72'
const password = 'correct horse battery staple'
const ids = [21, 4, 9, 13]
const rsa = ids.map(() => generateKeyPairSync('rsa', { modulusLength: 2048 }))
// 0x0101…01 and so on: valid BLS secrets (below the curve order).
const secretOf = (seed: number) => new Uint8Array(32).fill(seed)
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

describe('chainops ssv shares | verify', function () {
  this.timeout(120_000)
  let dir: string
  let operatorsFlag: string
  let keysDir: string
  const keystores: string[] = []

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-ssv-shares-'))
    keysDir = join(dir, 'operator-keys')
    await mkdir(keysDir)
    const entries: string[] = []
    for (const [i, id] of ids.entries()) {
      const { publicKey, privateKey } = rsa[i] as { publicKey: KeyObject; privateKey: KeyObject }
      // The key files in the three forms an operator may hand out: SSV base64, SSV PEM, standard PEM.
      const text =
        i === 0
          ? encodeOperatorKey(publicKey)
          : i === 1
            ? Buffer.from(encodeOperatorKey(publicKey), 'base64').toString()
            : (publicKey.export({ format: 'pem', type: 'spki' }) as string)
      await writeFile(join(dir, `operator-${id}.pub`), text)
      entries.push(`${id}:${join(dir, `operator-${id}.pub`)}`)
      await writeFile(join(keysDir, `${id}.pem`), privateKey.export({ format: 'pem', type: 'pkcs1' }) as string, {
        mode: 0o600,
      })
    }
    operatorsFlag = entries.join(',')
    await writeFile(join(dir, 'password.txt'), `${password}\n`, { mode: 0o600 })
    for (const seed of [1, 2, 3]) {
      const keystore = await createKeystore({
        secret: secretOf(seed),
        password,
        path: `m/12381/3600/${seed}/0/0`,
        kdf: 'pbkdf2',
        kdfParams: { c: 16 },
      })
      const file = join(dir, `keystore-${seed}.json`)
      await writeFile(file, JSON.stringify(keystore))
      keystores.push(file)
    }
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const sharesArgs = (out: string, extra: string[] = []) => [
    'ssv',
    'shares',
    '--keystore',
    keystores[0] as string,
    '--password-file',
    join(dir, 'password.txt'),
    '--operators',
    operatorsFlag,
    '--owner',
    owner,
    '--nonce',
    '7',
    '--out',
    out,
    ...extra,
  ]

  it('shares writes a keyshares file for one keystore that verifies with the operator keys (bin/chainops, exit 0, no secret printed)', async () => {
    const out = join(dir, 'one.json')
    const made = await chainops([...sharesArgs(out), '--json'])
    assert.equal(made.code, 0, made.stderr)
    const summary = JSON.parse(made.stdout)
    assert.deepEqual(summary.operatorIds, [4, 9, 13, 21])
    assert.equal(summary.validators[0].ownerNonce, 7)
    assert.equal(summary.validators[0].publicKey, `0x${hex(blsPublicKey(secretOf(1)))}`)
    const file = JSON.parse(await readFile(out, 'utf8')) as KeySharesFile
    assert.equal(file.version, 'v1.1.0')
    assert.equal(verifyShares(file).valid, true)
    const verified = await chainops(['ssv', 'verify', out, '--operator-keys-dir', keysDir])
    assert.equal(verified.code, 0, verified.stdout + verified.stderr)
    assert.match(verified.stdout, /4\/4 decrypted, 4 subsets rebuilt/)
    assert.match(verified.stdout, /valid/)
    for (const text of [made.stdout, made.stderr, verified.stdout, verified.stderr, JSON.stringify(file)]) {
      assert.ok(!text.includes(hex(secretOf(1))), 'no validator secret')
      assert.ok(!text.includes(password), 'no password')
    }
  })

  it('an existing --out is refused (CLI_FILE_EXISTS) before the keystore is decrypted; --force replaces it, printing the decrypt progress first', async () => {
    const out = join(dir, 'exists.json')
    await writeFile(out, 'kept\n')
    const wrongPassword = join(dir, 'wrong-password-exists.txt')
    await writeFile(wrongPassword, 'not the password\n', { mode: 0o600 })
    const args = sharesArgs(out)
    args[args.indexOf('--password-file') + 1] = wrongPassword
    // A wrong password would be KEYSTORE_WRONG_PASSWORD after the decrypt: the file check comes first.
    const refused = await cli(args)
    assert.equal(refused.code, 1, refused.stderr)
    assert.match(refused.stderr, /CLI_FILE_EXISTS/)
    assert.doesNotMatch(refused.stderr, /deriving the key/)
    assert.equal(await readFile(out, 'utf8'), 'kept\n')
    const replaced = await cli([...sharesArgs(out), '--force'])
    assert.equal(replaced.code, 0, replaced.stderr)
    assert.match(replaced.stderr, /ssv shares: deriving the key \(pbkdf2 c=16\)/)
    assert.ok(!replaced.stderr.includes(password))
    assert.equal((JSON.parse(await readFile(out, 'utf8')) as KeySharesFile).shares.length, 1)
  })

  it('bulk: three keystores in one file at nonces 7, 8, 9, with progress on stderr; --operators-file works too', async () => {
    const operatorsFile = join(dir, 'operators.json')
    await writeFile(
      operatorsFile,
      JSON.stringify(
        ids.map((id, i) => ({ id, operatorKey: encodeOperatorKey((rsa[i] as { publicKey: KeyObject }).publicKey) })),
      ),
    )
    const out = join(dir, 'bulk.json')
    const args = sharesArgs(out).filter((arg) => arg !== '--operators' && arg !== operatorsFlag)
    const made = await cli([
      ...args,
      '--keystore',
      keystores[1] as string,
      '--keystore',
      keystores[2] as string,
      '--operators-file',
      operatorsFile,
    ])
    assert.equal(made.code, 0, made.stderr)
    assert.match(made.stderr, /decrypting keystore 3\/3/)
    assert.match(made.stderr, /split 3\/3/)
    const file = JSON.parse(await readFile(out, 'utf8')) as KeySharesFile
    assert.deepEqual(
      file.shares.map((item) => item.data.ownerNonce),
      [7, 8, 9],
    )
    const verified = await cli(['ssv', 'verify', out, '--operator-keys-dir', keysDir, '--json'])
    assert.equal(verified.code, 0)
    const report = JSON.parse(verified.stdout)
    assert.equal(report.valid, true)
    assert.equal(report.validators.length, 3)
    for (const seed of [1, 2, 3])
      assert.ok(!made.stderr.includes(hex(secretOf(seed))) && !verified.stdout.includes(hex(secretOf(seed))))
  })

  it('verify exits 1 with findings naming validator and operator for a tampered file', async () => {
    const out = join(dir, 'tamper.json')
    assert.equal((await cli(sharesArgs(out))).code, 0)
    const file = JSON.parse(await readFile(out, 'utf8')) as KeySharesFile
    const item = file.shares[0] as KeySharesFile['shares'][number]
    item.data.ownerNonce = 8
    await writeFile(out, JSON.stringify(file))
    const verified = await cli(['ssv', 'verify', out, '--json'])
    assert.equal(verified.code, 1)
    assert.deepEqual(
      JSON.parse(verified.stdout).findings.map((finding: { code: string; validatorIndex: number }) => [
        finding.code,
        finding.validatorIndex,
      ]),
      [['SIGNATURE_INVALID', 0]],
    )
    const human = await cli(['ssv', 'verify', out])
    assert.equal(human.code, 1)
    assert.match(human.stdout, /SIGNATURE_INVALID/)
    // A wrong key in the keys dir: SHARE_DECRYPT naming operator 9.
    const wrongDir = join(dir, 'wrong-keys')
    await mkdir(wrongDir)
    await writeFile(
      join(wrongDir, '9.pem'),
      (rsa[0] as { privateKey: KeyObject }).privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      { mode: 0o600 },
    )
    const good = join(dir, 'good.json')
    assert.equal((await cli(sharesArgs(good))).code, 0)
    const wrong = await cli(['ssv', 'verify', good, '--operator-keys-dir', wrongDir, '--json'])
    assert.equal(wrong.code, 1)
    assert.deepEqual(
      JSON.parse(wrong.stdout).findings.map((finding: { code: string; operatorId: number }) => [
        finding.code,
        finding.operatorId,
      ]),
      [['SHARE_DECRYPT', 9]],
    )
  })

  it('bad input is a typed error (exit 1) or bad usage (exit 2), and nothing is written', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey
    await writeFile(join(dir, 'small.pub'), encodeOperatorKey(small))
    const three = ids
      .slice(0, 3)
      .map((id) => `${id}:${join(dir, `operator-${id}.pub`)}`)
      .join(',')
    const duplicate = `${operatorsFlag},${ids[0]}:${join(dir, `operator-${ids[0]}.pub`)}`
    const withSmall = operatorsFlag.replace(/^21:[^,]+/, `21:${join(dir, 'small.pub')}`)
    const wrongPassword = join(dir, 'wrong-password.txt')
    await writeFile(wrongPassword, 'not the password\n', { mode: 0o600 })
    const cases: [string, string[], number, RegExp][] = [
      ['3 operators', ['--operators', three], 1, /SSV_SHARES_OPERATOR_COUNT/],
      ['a duplicate operator id', ['--operators', duplicate], 1, /SSV_SHARES_DUPLICATE_OPERATOR/],
      ['an RSA-1024 operator key', ['--operators', withSmall], 1, /SSV_SHARES_OPERATOR_KEY/],
      ['a wrong password', ['--password-file', wrongPassword], 1, /KEYSTORE_WRONG_PASSWORD/],
      ['a bad owner', ['--owner', '0x1234'], 2, /--owner/],
      ['a negative nonce', ['--nonce', '-1'], 2, /--nonce/],
    ]
    for (const [name, change, code, message] of cases) {
      const out = join(dir, `bad-${name.replaceAll(' ', '-')}.json`)
      const args = sharesArgs(out)
      for (let i = 0; i < change.length; i += 2) args[args.indexOf(change[i] as string) + 1] = change[i + 1] as string
      const result = await cli(args)
      assert.equal(result.code, code, `${name}: ${result.stderr}`)
      assert.match(result.stderr, message, name)
      assert.equal(existsSync(out), false, `${name}: nothing written`)
      assert.ok(!result.stderr.includes(password) && !result.stderr.includes(hex(secretOf(1))))
    }
    const both = await cli([...sharesArgs(join(dir, 'x.json')), '--operators-file', 'ops.json'])
    assert.equal(both.code, 2)
    const verifyNothing = await cli(['ssv', 'verify'])
    assert.equal(verifyNothing.code, 2)
    const notKeyshares = join(dir, 'not-keyshares.json')
    await writeFile(notKeyshares, '{"version":"v1.0.0"}')
    const format = await cli(['ssv', 'verify', notKeyshares])
    assert.equal(format.code, 1)
    assert.match(format.stderr, /SSV_SHARES_FILE_FORMAT/)
  })

  it('--help describes every option with its default', async () => {
    for (const command of ['shares', 'verify']) {
      const help = await cli(['ssv', command, '--help'])
      assert.equal(help.code, 0)
      assert.match(help.stdout, /--json/)
    }
    const help = await cli(['ssv', 'shares', '--help'])
    for (const flag of [
      '--keystore',
      '--password-file',
      '--operators',
      '--operators-file',
      '--owner',
      '--nonce',
      '--out',
      '--force',
    ])
      assert.ok(help.stdout.includes(flag), flag)
    assert.match(help.stdout, /hidden prompt/)
    assert.match((await cli(['ssv', 'verify', '--help'])).stdout, /<operator id>\.pem/)
  })
})
