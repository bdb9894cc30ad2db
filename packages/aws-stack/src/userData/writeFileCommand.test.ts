import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeFileCommand } from './writeFileCommand.ts'

describe('writeFileCommand', () => {
  it('writes the content verbatim through bash (nothing expanded) with the mode, creating the folder', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'write-file-')), 'etc', 'geth', 'x.toml')
    const content = 'A = "$HOME `id` \\n"\nB = \'$(whoami)\'\n'
    execFileSync('bash', ['-euo', 'pipefail', '-c', writeFileCommand(path, content, '0600')])
    assert.equal(readFileSync(path, 'utf8'), content)
    assert.equal(statSync(path).mode & 0o777, 0o600)
  })
  it('refuses content holding the heredoc delimiter', () => {
    assert.throws(() => writeFileCommand('/x', 'a\nCHAINOPS_EOF\nb'), /heredoc delimiter/)
  })
})
