import { accessSync, constants } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DevnetError } from '../DevnetError.ts'

/**
 * The `moto_server` of the repo's venv (made by scripts/setup.sh), or `$CHAINOPS_MOTO_SERVER`.
 * The venv sits at the workspace root, two levels above this package.
 */
export function motoServerBinary(): string {
  const fromEnv = process.env.CHAINOPS_MOTO_SERVER
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..')
  const path = fromEnv || join(root, '.venv', 'bin', 'moto_server')
  try {
    accessSync(path, constants.X_OK)
  } catch (cause) {
    throw new DevnetError({
      code: 'DEVNET_DAEMON_NOT_INSTALLED',
      shortMessage: 'moto_server is not installed',
      details: `expected ${path}; run scripts/setup.sh (it makes .venv with moto[server]) or set CHAINOPS_MOTO_SERVER`,
      cause,
    })
  }
  return path
}
