import { accessSync, constants, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { DevnetError } from '../DevnetError.ts'

/** The cached binaries: the daemons, their CLIs, and the Lambda Runtime Interface Emulator. */
export type DaemonName = 'geth' | 'btcd' | 'btcctl' | 'lnd' | 'lncli' | 'aws-lambda-rie'

// Pinned daemon versions, shared with scripts/build-daemons.sh.
const versions = JSON.parse(readFileSync(new URL('../../daemons.json', import.meta.url), 'utf8')) as {
  geth: string
  btcd: string
  lnd: string
  'aws-lambda-rie': string
}

/** The cache directory that outlives checkouts: `$CHAINOPS_CACHE` or `~/.cache/chainops`. */
function cacheDir(): string {
  return process.env.CHAINOPS_CACHE || join(homedir(), '.cache', 'chainops')
}

/** Absolute path of a cached daemon binary; a typed error says how to build it when missing. */
export function daemonBinary(name: DaemonName): string {
  const family = name === 'btcctl' ? 'btcd' : name === 'lncli' ? 'lnd' : name
  const path = join(cacheDir(), 'bin', `${family}-${versions[family]}`, name)
  try {
    accessSync(path, constants.X_OK)
  } catch (cause) {
    throw new DevnetError({
      code: 'DEVNET_DAEMON_NOT_INSTALLED',
      shortMessage: `${name} ${versions[family]} is not installed`,
      details: `expected an executable at ${path}; run scripts/setup.sh (or scripts/build-daemons.sh ${family})`,
      cause,
    })
  }
  return path
}
