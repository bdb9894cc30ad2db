import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { daemonBinary, tempDir } from '@chainops/devnet'
import { TestkitError } from '../errors/TestkitError.ts'

export type GethInitHashErrorType = TestkitError

/**
 * Runs the real `geth init` on a genesis JSON text (in a temporary data directory, removed after)
 * and returns the genesis hash geth logs as written: the oracle for the hashes chainops computes.
 */
export async function gethInitHash(json: string): Promise<string> {
  const dir = await tempDir('geth-init')
  try {
    const file = join(dir, 'genesis.json')
    await writeFile(file, json)
    const { stdout, stderr } = await promisify(execFile)(daemonBinary('geth'), [
      '--datadir',
      join(dir, 'data'),
      '--log.format',
      'json',
      'init',
      file,
    ])
    for (const line of `${stdout}\n${stderr}`.split('\n')) {
      if (!line.startsWith('{')) continue
      const entry = JSON.parse(line) as { msg?: string; hash?: string }
      if (entry.msg === 'Successfully wrote genesis state' && entry.hash) return entry.hash
    }
    throw new TestkitError({
      code: 'TESTKIT_GETH_INIT_NO_HASH',
      shortMessage: 'geth init printed no genesis hash',
      details: stderr,
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
