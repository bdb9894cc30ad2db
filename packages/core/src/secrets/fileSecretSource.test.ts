import assert from 'node:assert/strict'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { createLogger } from '../logger/createLogger.ts'
import { fileSecretSource } from './fileSecretSource.ts'

function failsWith(code: CoreErrorCode, details?: string) {
  return (error: unknown) => isChainopsError(error, code) && (details === undefined || error.details === details)
}

const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'

describe('fileSecretSource', () => {
  let dir: string
  const write = (name: string, content: string, mode: number) => {
    writeFileSync(join(dir, name), content)
    chmodSync(join(dir, name), mode)
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-secrets-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('reads an owner-only file, dropping one trailing newline', async () => {
    write('mnemonic', `${MNEMONIC}\n`, 0o600)
    write('crlf', 'key\r\n', 0o400)
    write('two-newlines', 'key\n\n', 0o600)
    write('inner', 'a\nb', 0o600)
    const source = fileSecretSource({ dir })
    assert.equal((await source.get('mnemonic')).reveal(), MNEMONIC)
    assert.equal((await source.get('crlf')).reveal(), 'key')
    assert.equal((await source.get('two-newlines')).reveal(), 'key\n')
    assert.equal((await source.get('inner')).reveal(), 'a\nb')
  })

  it('follows a symlink and checks the mode of the file it reaches', async () => {
    mkdirSync(join(dir, 'data'))
    writeFileSync(join(dir, 'data', 'key'), 'linked')
    chmodSync(join(dir, 'data', 'key'), 0o600)
    symlinkSync(join(dir, 'data', 'key'), join(dir, 'key'))
    assert.equal((await fileSecretSource({ dir }).get('key')).reveal(), 'linked')
    chmodSync(join(dir, 'data', 'key'), 0o644)
    await assert.rejects(fileSecretSource({ dir }).get('key'), failsWith('SECRET_INSECURE_FILE'))
  })

  for (const mode of [0o640, 0o604, 0o644, 0o620, 0o602, 0o660, 0o666]) {
    it(`refuses a file with mode 0${mode.toString(8)} with SECRET_INSECURE_FILE, never echoing its content`, async () => {
      write('mnemonic', MNEMONIC, mode)
      const path = join(dir, 'mnemonic')
      await assert.rejects(fileSecretSource({ dir }).get('mnemonic'), (error: unknown) => {
        assert.ok(
          failsWith(
            'SECRET_INSECURE_FILE',
            `secret file ${path} has mode 0${mode.toString(8)}: group and others must have no access (chmod 600)`,
          )(error),
          inspect(error),
        )
        assert.ok(!inspect(error, { depth: 10 }).includes('legal'))
        return true
      })
    })
  }

  it('names a missing or empty file and refuses names that leave the directory', async () => {
    write('empty', '\n', 0o600)
    const source = fileSecretSource({ dir })
    await assert.rejects(
      source.get('missing'),
      failsWith('SECRET_NOT_FOUND', `secret file ${join(dir, 'missing')} does not exist`),
    )
    await assert.rejects(source.get('empty'), failsWith('SECRET_EMPTY', `secret file ${join(dir, 'empty')} is empty`))
    for (const name of ['../etc/passwd', 'a/b', '..', '.', ''])
      await assert.rejects(source.get(name), failsWith('SECRET_INVALID_NAME'), name)
    mkdirSync(join(dir, 'sub'), { mode: 0o700 })
    await assert.rejects(
      source.get('sub'),
      failsWith('SECRET_UNAVAILABLE', `secret file ${join(dir, 'sub')} is not a regular file`),
    )
  })

  it('never lets the value reach a log line or an error', async () => {
    write('mnemonic', MNEMONIC, 0o600)
    const secret = await fileSecretSource({ dir }).get('mnemonic')
    const lines: string[] = []
    const logger = createLogger({ sink: (line) => lines.push(line) })
    logger.info('loaded', { secret, wrapped: { value: secret } })
    logger.error('failed', { error: new Error(`could not use ${secret}`) })
    assert.equal(lines.length, 2)
    for (const line of lines) assert.ok(!line.includes('legal'), line)
  })
})
