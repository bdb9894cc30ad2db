import { hashDefinition, parseClusterDefinition } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops obol definition hash` does once its flags are parsed; loaded only when that command runs. */
export async function runObolDefinitionHash({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the cluster definition to hash)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  const definition = parseClusterDefinition(readTextFile(file, 'cluster definition'))
  const { configHash, definitionHash } = hashDefinition(definition)
  const same = (a: string, b: string) => a.toLowerCase().replace(/^0x/, '') === b.toLowerCase().replace(/^0x/, '')
  const matches = same(configHash, definition.config_hash) && same(definitionHash, definition.definition_hash)
  if (values.json) io.out(toJsonText({ file, version: definition.version, configHash, definitionHash, matches }))
  else
    io.out(
      `config hash     ${configHash}${same(configHash, definition.config_hash) ? '' : ` (file: ${definition.config_hash})`}\ndefinition hash ${definitionHash}${same(definitionHash, definition.definition_hash) ? '' : ` (file: ${definition.definition_hash})`}\n${file}: ${definition.version}, hashes ${matches ? 'match' : 'DO NOT match'} the file`,
    )
  return matches ? 0 : 1
}
