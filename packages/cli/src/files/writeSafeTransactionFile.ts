import { renameSync, writeFileSync } from 'node:fs'
import type { SafeTransactionFile } from '@chainops/treasury'

/** Writes the file whole or not at all (a temp file renamed over it), so a crash never leaves half a JSON. */
export function writeSafeTransactionFile(path: string, file: SafeTransactionFile): void {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, `${JSON.stringify(file, null, 2)}\n`)
  renameSync(temp, path)
}
