import { join, resolve } from 'node:path'

/** `--state`, else `$CHAINOPS_DEVNET_STATE`, else `.chainops/devnet.json` under the current directory. */
export function devnetStatePath(flag: unknown): string {
  if (typeof flag === 'string' && flag) return resolve(flag)
  return resolve(process.env.CHAINOPS_DEVNET_STATE || join(process.cwd(), '.chainops', 'devnet.json'))
}
