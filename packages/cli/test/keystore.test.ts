import assert from 'node:assert/strict'
import { execFile, execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { decryptKeystore, deriveValidatorKeys } from '@chainops/dvt'
import { type ChainopsResult, chainops as runChainops } from './support/chainops.ts'
import { chainopsBin } from './support/chainopsBin.ts'

const run = promisify(execFile)
const vectors = fileURLToPath(new URL('../../../../shared/vectors/eip2335/', import.meta.url))

const mnemonic = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const password = 'plover-quartz-7391'
const vectorPassword = '𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑'
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

type Result = ChainopsResult
/** Everything any run printed, to prove afterwards that no secret was among it. */
const printed: string[] = []

/** Runs the real `bin/chainops` (a fresh process, stdin not a terminal) and keeps what it printed. */
async function chainops(args: string[]): Promise<Result> {
  const result = await runChainops(args)
  printed.push(result.stdout, result.stderr)
  return result
}

// `script` (util-linux) gives the CLI a pseudo-terminal, to drive its hidden prompts.
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** Runs `bin/chainops` on a terminal; each answer is typed once its prompt (in order) has appeared. */
function chainopsOnTerminal(args: string[], prompts: string[], answers: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--echo', 'never', '-qec', [chainopsBin, ...args].join(' '), '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    let answered = 0
    const timer = setTimeout(() => child.kill(), 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      while (
        answered < answers.length &&
        output.split(prompts[answered] as string).length >
          1 + answers.slice(0, answered).filter((_, i) => prompts[i] === prompts[answered]).length
      ) {
        child.stdin.write(`${answers[answered]}\r`)
        answered++
      }
    })
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      printed.push(output)
      resolve({ code: code ?? -1, stdout: output, stderr: '' })
    })
  })
}

describe('chainops keystore', () => {
  let dir: string
  let mnemonicFile: string
  let passwordFile: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-keystore-'))
    mnemonicFile = join(dir, 'mnemonic.txt')
    passwordFile = join(dir, 'password.txt')
    writeFileSync(mnemonicFile, `${mnemonic}\n`, { mode: 0o600 })
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 })
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  /** `keystore create --out out` from the test mnemonic and password files (or the ones given), plus `flags`. */
  const keystoreCreate = (out: string, flags: string[] = [], files: { mnemonic?: string; password?: string } = {}) =>
    chainops([
      'keystore',
      'create',
      '--mnemonic-file',
      files.mnemonic ?? mnemonicFile,
      '--password-file',
      files.password ?? passwordFile,
      '--out',
      out,
      ...flags,
    ])

  it('create --count 2 writes the deposit CLI file names (mode 0440), progress on stderr, keys of the mnemonic', async () => {
    const out = join(dir, 'two')
    const result = await keystoreCreate(out, ['--index', '4', '--count', '2', '--json'])
    assert.equal(result.code, 0, result.stderr)
    const entries = JSON.parse(result.stdout) as {
      index: number
      path: string
      pubkey: string
      uuid: string
      file: string
    }[]
    const expected = deriveValidatorKeys({ mnemonic, indices: [4, 5] })
    assert.deepEqual(
      entries.map(({ index, path, pubkey }) => ({ index, path, pubkey })),
      expected.map((key) => ({ index: key.index, path: key.signingPath, pubkey: hex(key.publicKey) })),
    )
    assert.match(result.stderr, /keystore 1\/2: m\/12381\/3600\/4\/0\/0\nkeystore 2\/2: m\/12381\/3600\/5\/0\/0/)
    const files = readdirSync(out).sort()
    assert.equal(files.length, 2)
    for (const [n, file] of files.entries()) {
      assert.match(file, new RegExp(`^keystore-m_12381_3600_${4 + n}_0_0-\\d{10}\\.json$`))
      assert.equal(statSync(join(out, file)).mode & 0o777, 0o440)
      const keystore = JSON.parse(readFileSync(join(out, file), 'utf8'))
      assert.equal(keystore.crypto.kdf.function, 'scrypt')
      assert.equal(keystore.crypto.kdf.params.n, 262144)
      assert.equal(keystore.uuid, entries[n]?.uuid)
      const secret = await decryptKeystore(keystore, password)
      assert.equal(hex(secret.reveal()), hex(expected[n]?.signingKey.reveal() as Uint8Array))
    }
  })

  it('create --kdf pbkdf2 of one key prints a table and no progress', async () => {
    const out = join(dir, 'pbkdf2')
    const result = await keystoreCreate(out, ['--kdf', 'pbkdf2'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr, '')
    assert.match(result.stdout, /^INDEX +PATH +PUBKEY +FILE\n/)
    assert.match(result.stdout, /\n0 +m\/12381\/3600\/0\/0\/0 +[0-9a-f]{96} +\S+keystore-m_12381_3600_0_0_0-\d+\.json/)
    const [file] = readdirSync(out)
    const keystore = JSON.parse(readFileSync(join(out, file as string), 'utf8'))
    assert.deepEqual(Object.keys(keystore.crypto.kdf.params).sort(), ['c', 'dklen', 'prf', 'salt'])
  })

  it('create refuses to replace a keystore file and writes nothing (CLI_FILE_EXISTS, exit 1)', async () => {
    const out = join(dir, 'clash')
    const now = Math.floor(Date.now() / 1000)
    await run('mkdir', ['-p', out])
    // Every name the run could pick within the next minute is taken.
    for (let t = now - 1; t < now + 60; t++) writeFileSync(join(out, `keystore-m_12381_3600_0_0_0-${t}.json`), 'taken')
    const before = readdirSync(out).length
    const result = await keystoreCreate(out)
    assert.equal(result.code, 1)
    assert.match(result.stderr, /CLI_FILE_EXISTS/)
    assert.equal(readdirSync(out).length, before)
  })

  it('decrypt checks the password and prints pubkey, path and uuid of both EIP-2335 vectors', async () => {
    const vectorPasswordFile = join(dir, 'vector-password.txt')
    writeFileSync(vectorPasswordFile, vectorPassword, { mode: 0o600 })
    for (const name of ['scrypt-test1.json', 'pbkdf2-test0.json']) {
      const vector = JSON.parse(readFileSync(join(vectors, name), 'utf8'))
      const result = await chainops([
        'keystore',
        'decrypt',
        join(vectors, name),
        '--password-file',
        vectorPasswordFile,
        '--json',
      ])
      assert.equal(result.code, 0, result.stderr)
      // The KDF takes seconds: a progress line on stderr says what runs (never the password).
      assert.match(result.stderr, /^keystore decrypt: deriving the key \((scrypt n|pbkdf2 c)=262144\)…$/m)
      assert.ok(!result.stderr.includes(vectorPassword))
      assert.deepEqual(JSON.parse(result.stdout), {
        pubkey: vector.pubkey,
        path: vector.path,
        uuid: vector.uuid,
        kdf: vector.crypto.kdf.function,
        description: vector.description,
      })
      assert.doesNotMatch(result.stdout + result.stderr, /19d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f/)
    }
    const table = await chainops([
      'keystore',
      'decrypt',
      join(vectors, 'pbkdf2-test0.json'),
      '--password-file',
      vectorPasswordFile,
    ])
    assert.equal(table.code, 0)
    assert.match(table.stdout, /password +correct\npubkey +9612d7a727c9/)
  })

  it('decrypt exits 1 with KEYSTORE_WRONG_PASSWORD on a wrong password', async () => {
    const result = await chainops([
      'keystore',
      'decrypt',
      join(vectors, 'pbkdf2-test0.json'),
      '--password-file',
      passwordFile,
    ])
    assert.equal(result.code, 1)
    assert.equal(result.stdout, '')
    assert.match(result.stderr, /wrong keystore password: the checksum does not match \[KEYSTORE_WRONG_PASSWORD\]/)
  })

  it('decrypt exits 1 with the typed error on a corrupt keystore, naming the field', async () => {
    const vector = JSON.parse(readFileSync(join(vectors, 'pbkdf2-test0.json'), 'utf8'))
    vector.crypto.checksum.message = 'abcd'
    const file = join(dir, 'corrupt.json')
    writeFileSync(file, JSON.stringify(vector))
    const result = await chainops(['keystore', 'decrypt', file, '--password-file', passwordFile])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /crypto\.checksum\.message is 32 bytes \[KEYSTORE_CORRUPT\]/)
  })

  for (const [name, args, message] of [
    ['a mnemonic given as a flag', ['keystore', 'create', '--mnemonic', mnemonic], /Unknown option '--mnemonic'/],
    [
      'a password given as a flag',
      ['keystore', 'decrypt', 'x.json', '--password', password],
      /Unknown option '--password'/,
    ],
    [
      'no password file and stdin not a terminal',
      ['keystore', 'decrypt', join(vectors, 'pbkdf2-test0.json')],
      /--password-file is required/,
    ],
    ['no keystore file', ['keystore', 'decrypt', '--password-file', 'p'], /give exactly one keystore FILE/],
    [
      'no mnemonic file and stdin not a terminal',
      ['keystore', 'create', '--password-file', 'p'],
      /--mnemonic-file is required/,
    ],
    ['an unknown --kdf', ['keystore', 'create', '--kdf', 'argon2'], /--kdf is scrypt or pbkdf2/],
    ['--count 0', ['keystore', 'create', '--count', '0'], /--count must be a positive integer/],
  ] as const) {
    it(`exits 2 on ${name}`, async () => {
      const result = await chainops([...args])
      assert.equal(result.code, 2, result.stderr)
      assert.match(result.stderr, message)
    })
  }

  it('create exits 2 on a password shorter than 8 characters, and 1 on a bad mnemonic, writing nothing', async () => {
    const out = join(dir, 'refused')
    const short = join(dir, 'short.txt')
    writeFileSync(short, 'seven77\n', { mode: 0o600 })
    const tooShort = await keystoreCreate(out, [], { password: short })
    assert.equal(tooShort.code, 2)
    assert.match(tooShort.stderr, /at least 8 characters/)
    const badMnemonic = join(dir, 'bad-mnemonic.txt')
    writeFileSync(badMnemonic, mnemonic.replace(/yellow$/, 'wave'), { mode: 0o600 })
    const bad = await keystoreCreate(out, [], { mnemonic: badMnemonic })
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /BIP39_MNEMONIC_CHECKSUM/)
    assert.equal(existsSync(out), false)
  })

  it('warns about a password file others can read', async () => {
    const open = join(dir, 'open-password.txt')
    writeFileSync(open, vectorPassword)
    chmodSync(open, 0o644)
    const result = await chainops(['keystore', 'decrypt', join(vectors, 'pbkdf2-test0.json'), '--password-file', open])
    assert.equal(result.code, 0)
    assert.match(result.stderr, /readable by group or others/)
  })

  it('decrypt prompts for the password, hidden, when stdin is a terminal and no --password-file is given (skipped where util-linux `script` is missing)', async function () {
    if (!hasScript) this.skip()
    const result = await chainopsOnTerminal(
      ['keystore', 'decrypt', join(vectors, 'pbkdf2-test0.json'), '--json'],
      ['keystore password: '],
      [vectorPassword],
    )
    assert.equal(result.code, 0, result.stdout)
    assert.match(result.stdout, /"pubkey": "9612d7a727c9/)
    assert.ok(!result.stdout.includes(vectorPassword))
  })

  it('create prompts for the mnemonic and the password twice, hidden; two different passwords exit 2 (skipped where util-linux `script` is missing)', async function () {
    if (!hasScript) this.skip()
    const out = join(dir, 'prompted')
    const prompts = ['BIP-39 mnemonic: ', 'keystore password: ', 'repeat it: ']
    const result = await chainopsOnTerminal(
      ['keystore', 'create', '--kdf', 'pbkdf2', '--out', out, '--json'],
      prompts,
      [mnemonic, password, password],
    )
    assert.equal(result.code, 0, result.stdout)
    const [file] = readdirSync(out)
    const secret = await decryptKeystore(readFileSync(join(out, file as string), 'utf8'), password)
    const [key] = deriveValidatorKeys({ mnemonic, index: 0 })
    assert.equal(hex(secret.reveal()), hex(key?.signingKey.reveal() as Uint8Array))
    const differ = await chainopsOnTerminal(['keystore', 'create', '--out', join(dir, 'differ')], prompts, [
      mnemonic,
      password,
      `${password}x`,
    ])
    assert.equal(differ.code, 2)
    assert.match(differ.stdout, /the two passwords entered differ/)
    assert.equal(existsSync(join(dir, 'differ')), false)
  })

  it('Ctrl-C at the repeated password prompt: CLI_PROMPT_INTERRUPTED, exit 1, nothing written (skipped where util-linux `script` is missing)', async function () {
    if (!hasScript) this.skip()
    const out = join(dir, 'interrupted')
    const result = await chainopsOnTerminal(
      ['keystore', 'create', '--kdf', 'pbkdf2', '--out', out],
      ['BIP-39 mnemonic: ', 'keystore password: ', 'repeat it: '],
      [mnemonic, password, '\u0003'],
    )
    assert.equal(result.code, 1, result.stdout)
    assert.match(result.stdout, /CLI_PROMPT_INTERRUPTED/)
    assert.equal(existsSync(out), false)
  })

  it('no mnemonic, password or secret key reached stdout or stderr of any run above', () => {
    const text = printed.join('\n')
    assert.ok(text.length > 1000)
    const secrets = [
      mnemonic,
      ...mnemonic.split(' ').filter((word) => word.length > 4 && !['legal', 'wave'].includes(word)),
      password,
      vectorPassword,
      'testpassword',
      '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f',
      ...deriveValidatorKeys({ mnemonic, indices: [0, 4, 5] }).flatMap((key) => [
        hex(key.signingKey.reveal()),
        hex(key.withdrawalKey.reveal()),
      ]),
    ]
    for (const secret of secrets) assert.ok(!text.includes(secret), `a secret was printed: ${secret.slice(0, 4)}...`)
  })
})
