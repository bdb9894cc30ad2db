import { parseClusterLock, verifyLock } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { Command } from '../../framework/Command.ts'
import { obolVerifyResult } from './obolVerifyResult.ts'

export const obolLockVerifyCommand: Command = {
  path: ['obol', 'lock', 'verify'],
  summary:
    'check a cluster lock: hashes, the definition, the BLS aggregate over the lock hash, deposits, builder registrations, node signatures',
  usage: 'chainops obol lock verify FILE [--json]',
  options: {
    json: {
      type: 'boolean',
      description: 'print { file, valid, version, hashes, signatures, deposits } or { file, valid, error } as JSON',
    },
  },
  help: 'Exit code 0 when valid, 1 when not (the first bad hash or signature is named), 2 for bad usage. The threshold must be from ceil(2n/3) to n.',
  async run({ values, positionals, io }) {
    const [file, ...extra] = positionals
    if (file === undefined) throw usageError('FILE is required (the cluster lock to check)')
    if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
    return obolVerifyResult(file, 'cluster lock', values.json === true, io, async () => {
      const lock = parseClusterLock(readTextFile(file, 'cluster lock'))
      return { version: lock.cluster_definition.version, ...(await verifyLock(lock)) }
    })
  },
}
