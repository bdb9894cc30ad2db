import { readFile, writeFile } from 'node:fs/promises'
import { Secret } from '@chainops/core'
import { generatePrivateKey } from 'viem/accounts'
import { CliError } from '../errors/CliError.ts'

/**
 * The geth node key in `path` (64 hex digits, what `--nodekey` reads), created 0600 when absent so
 * that running the command again keeps every node's enode. The key stays wrapped.
 */
export async function loadOrCreateNodeKey(path: string): Promise<{ key: Secret<string>; created: boolean }> {
  try {
    const text = (await readFile(path, 'utf8')).trim()
    if (!/^(0x)?[0-9a-fA-F]{64}$/.test(text)) {
      throw new CliError({
        code: 'CLI_FILE_UNREADABLE',
        shortMessage: `${path} is not a node key (64 hex digits)`,
      })
    }
    return { key: new Secret(text.replace(/^0x/, '')), created: false }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof CliError) throw error
      throw new CliError({ code: 'CLI_FILE_UNREADABLE', shortMessage: `cannot read ${path}`, cause: error })
    }
  }
  const key = generatePrivateKey().slice(2)
  try {
    await writeFile(path, key, { flag: 'wx', mode: 0o600 })
  } catch (cause) {
    throw new CliError({ code: 'CLI_FILE_UNREADABLE', shortMessage: `cannot write ${path}`, cause })
  }
  return { key: new Secret(key), created: true }
}
