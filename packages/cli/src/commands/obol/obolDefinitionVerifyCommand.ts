import { parseClusterDefinition, verifyDefinition } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { Command } from '../../framework/Command.ts'
import { obolVerifyResult } from './obolVerifyResult.ts'

export const obolDefinitionVerifyCommand: Command = {
  path: ['obol', 'definition', 'verify'],
  summary: 'check a cluster definition: its hashes and every EIP-712 signature (creator, operator config and ENR)',
  usage: 'chainops obol definition verify FILE [--json]',
  options: {
    json: {
      type: 'boolean',
      description: 'print { file, valid, version, configHash, definitionHash, signatures } or the error, as JSON',
    },
  },
  help: 'Exit code 0 when valid, 1 when not (the first bad hash or signature is named), 2 for bad usage.',
  async run({ values, positionals, io }) {
    const [file, ...extra] = positionals
    if (file === undefined) throw usageError('FILE is required (the cluster definition to check)')
    if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
    return obolVerifyResult(file, 'cluster definition', values.json === true, io, async () => {
      const definition = parseClusterDefinition(readTextFile(file, 'cluster definition'))
      return { version: definition.version, ...(await verifyDefinition(definition)) }
    })
  },
}
