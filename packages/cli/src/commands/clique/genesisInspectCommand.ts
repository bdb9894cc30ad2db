import type { Command } from '../../framework/Command.ts'

export const genesisInspectCommand: Command = {
  path: ['genesis', 'inspect'],
  summary: 'show a genesis: signers, forks, period, epoch, chain id, gas limit, total alloc in coins, hash',
  usage: 'chainops genesis inspect FILE [--json]',
  options: {
    json: { type: 'boolean', description: 'print the summary as JSON (amounts in wei as decimal strings)' },
  },
  help: 'The file must parse (exit 1 with the field at fault otherwise); `genesis lint` judges it.',
  async run(input) {
    const { runGenesisInspect } = await import('./runGenesisInspect.ts')
    return runGenesisInspect(input)
  },
}
