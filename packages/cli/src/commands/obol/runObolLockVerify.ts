import { parseClusterLock, verifyLock } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { obolVerifyResult } from './obolVerifyResult.ts'

/** What `chainops obol lock verify` does once its flags are parsed; loaded only when that command runs. */
export async function runObolLockVerify({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the cluster lock to check)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  return obolVerifyResult(file, 'cluster lock', values.json === true, io, async () => {
    const lock = parseClusterLock(readTextFile(file, 'cluster lock'))
    return { version: lock.cluster_definition.version, ...(await verifyLock(lock)) }
  })
}
