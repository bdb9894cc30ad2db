import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isChainopsError } from '@chainops/core'
import { readTextFile } from './readTextFile.ts'

describe('readTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chainops-cli-read-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('returns the text of the file', () => {
    const path = join(dir, 'genesis.json')
    writeFileSync(path, '{"config":{}}\n')
    assert.equal(readTextFile(path, 'genesis'), '{"config":{}}\n')
  })

  it('is CLI_FILE_UNREADABLE naming the file and what it was for, with the fs error as cause', () => {
    const path = join(dir, 'absent.json')
    assert.throws(
      () => readTextFile(path, '--layout'),
      (error: unknown) =>
        isChainopsError(error, 'CLI_FILE_UNREADABLE') &&
        error.shortMessage === `cannot read the --layout file ${path}` &&
        error.details === 'ENOENT' &&
        (error.cause as NodeJS.ErrnoException).code === 'ENOENT',
    )
    assert.throws(
      () => readTextFile(dir),
      (error: unknown) =>
        isChainopsError(error, 'CLI_FILE_UNREADABLE') &&
        error.shortMessage === `cannot read ${dir}` &&
        error.details === 'EISDIR',
    )
  })
})
