import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const devnetUpCommand: Command = {
  path: ['devnet', 'up'],
  summary: 'start the local stack (geth Clique, btcd + lnd, moto) in the background and print its endpoints',
  usage:
    'chainops devnet up [--sealers N] [--period S] [--no-lightning] [--no-moto] [--timeout-seconds S] [--state FILE] [--json]',
  options: {
    sealers: { type: 'string', value: 'N', description: 'Clique sealer nodes', default: '3' },
    period: { type: 'string', value: 'S', description: 'seconds between blocks', default: '1' },
    'no-lightning': { type: 'boolean', description: 'start no btcd and lnd' },
    'no-moto': { type: 'boolean', description: 'start no moto (the local AWS)' },
    'timeout-seconds': {
      type: 'string',
      value: 'S',
      description: 'give up, and stop what started, after S seconds',
      default: '600',
    },
    ...devnetStateOptions,
    json: { type: 'boolean', description: "print the state file's JSON (endpoints, PIDs)" },
  },
  help: 'The endpoints are written to the state file (--state) for examples and scripts. Stop with `chainops devnet down`.',
  async run(input) {
    const { runDevnetUp } = await import('./runDevnetUp.ts')
    return runDevnetUp(input)
  },
}
