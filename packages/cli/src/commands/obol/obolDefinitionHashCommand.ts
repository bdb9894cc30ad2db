import type { Command } from '../../framework/Command.ts'

export const obolDefinitionHashCommand: Command = {
  path: ['obol', 'definition', 'hash'],
  summary: "a cluster definition's config hash and definition hash as charon computes them, against the file's",
  usage: 'chainops obol definition hash FILE [--json]',
  options: {
    json: {
      type: 'boolean',
      description: 'print { file, version, configHash, definitionHash, matches } as JSON',
    },
  },
  help: "Exit code 0 when both hashes equal the file's, 1 when one differs or the file is not a definition, 2 for bad usage. Signatures are not checked: see `obol definition verify`.",
  async run(input) {
    const { runObolDefinitionHash } = await import('./runObolDefinitionHash.ts')
    return runObolDefinitionHash(input)
  },
}
