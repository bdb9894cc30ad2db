import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh directory under the OS temp dir, named so a leftover one says where it came from. */
export function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `chainops-${label}-`))
}
