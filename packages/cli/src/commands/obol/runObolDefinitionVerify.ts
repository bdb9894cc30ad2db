import { parseClusterDefinition, verifyDefinition } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { obolVerifyResult } from './obolVerifyResult.ts'

/** What `chainops obol definition verify` does once its flags are parsed; loaded only when that command runs. */
export async function runObolDefinitionVerify({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the cluster definition to check)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  return obolVerifyResult(file, 'cluster definition', values.json === true, io, async () => {
    const definition = parseClusterDefinition(readTextFile(file, 'cluster definition'))
    return { version: definition.version, ...(await verifyDefinition(definition)) }
  })
}
