import type { Command } from '../../framework/Command.ts'

export const genesisLintCommand: Command = {
  path: ['genesis', 'lint'],
  summary: 'find real mistakes in a Clique genesis (decimal under 0x, sealer quorum, capacity, forks, extraData)',
  usage: 'chainops genesis lint FILE [--target-tps N] [--tolerate-failures K] [--expected-supply COINS] [--json]',
  options: {
    'target-tps': {
      type: 'string',
      value: 'N',
      description: 'also check that the gas limit carries N transfers a second',
      default: 'not checked',
    },
    'tolerate-failures': {
      type: 'string',
      value: 'K',
      description: 'sealers that may be down without halting the chain',
      default: '1',
    },
    'expected-supply': {
      type: 'string',
      value: 'COINS',
      description: 'the total the alloc should hold, in coins up to 18 decimals',
      default: 'not checked',
    },
    json: { type: 'boolean', description: 'print the findings as a JSON array of { code, severity, message, path }' },
  },
  help: ['Exit code 1 when a finding has severity error, 0 otherwise (warnings and info included).'].join('\n'),
  async run(input) {
    const { runGenesisLint } = await import('./runGenesisLint.ts')
    return runGenesisLint(input)
  },
}
