import { usageError } from '../errors/usageError.ts'

/** The `--rpc` endpoint: an http(s)/ws(s) URL or a geth IPC socket path. */
export function rpcFlag(value: unknown): string {
  if (value === undefined || String(value).trim() === '') {
    throw usageError('--rpc is required (an http(s):// or ws(s):// URL, or a geth.ipc path)')
  }
  const rpc = String(value).trim()
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rpc) && !/^(https?|wss?):\/\//i.test(rpc)) {
    throw usageError(`--rpc must be http(s)://, ws(s):// or an IPC path, got "${rpc}"`)
  }
  return rpc
}
