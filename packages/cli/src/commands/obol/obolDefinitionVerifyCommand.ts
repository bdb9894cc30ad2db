import type { Command } from '../../framework/Command.ts'

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
  async run(input) {
    const { runObolDefinitionVerify } = await import('./runObolDefinitionVerify.ts')
    return runObolDefinitionVerify(input)
  },
}
