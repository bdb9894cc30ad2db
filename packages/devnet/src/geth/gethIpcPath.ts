import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Linux caps a unix socket path at 108 bytes including the terminating NUL.
const maxSocketPath = 100

/**
 * Where a node's IPC socket goes: inside its datadir when the path is short enough, otherwise a
 * short random name in the OS temp dir (long `dir` options would make geth fail to listen).
 */
export function gethIpcPath(datadir: string): string {
  const inside = join(datadir, 'geth.ipc')
  if (Buffer.byteLength(inside) <= maxSocketPath) return inside
  return join(tmpdir(), `chainops-geth-${randomBytes(6).toString('hex')}.ipc`)
}
