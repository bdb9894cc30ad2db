import type { Command } from '../../framework/Command.ts'

export const planSupplyCommand: Command = {
  path: ['plan', 'supply'],
  summary: 'the coin plan (cold wallet, emergency wallets, operator float, fees over the horizon), checked',
  usage:
    'chainops plan supply [--cold-wallet COINS] [--emergency-wallets N] [--emergency-wallet COINS] [--operator-float COINS] [--tps N] [--fee-per-tx COINS] [--years N] [--days-per-year N] [--refill-days N] [--loss-cap-percent N] [--json]',
  options: {
    'cold-wallet': {
      type: 'string',
      value: 'COINS',
      description: 'whole coins in the cold wallet',
      default: '30000000000',
    },
    'emergency-wallets': { type: 'string', value: 'N', description: 'how many emergency refill wallets', default: '3' },
    'emergency-wallet': {
      type: 'string',
      value: 'COINS',
      description: 'whole coins in each emergency wallet',
      default: '10000000',
    },
    'operator-float': {
      type: 'string',
      value: 'COINS',
      description: 'whole coins the operator holds and spends in a refill period',
      default: '30000000',
    },
    tps: { type: 'string', value: 'N', description: 'sustained transactions a second', default: '1000' },
    'fee-per-tx': {
      type: 'string',
      value: 'COINS',
      description: 'average fee of one transaction, in coins up to 18 decimals',
      default: '0.01',
    },
    years: { type: 'string', value: 'N', description: 'years the cold wallet must last', default: '100' },
    'days-per-year': {
      type: 'string',
      value: 'N',
      description: 'days in a year, as the plan counts them',
      default: '360',
    },
    'refill-days': { type: 'string', value: 'N', description: 'days between operator refills', default: '30' },
    'loss-cap-percent': {
      type: 'string',
      value: 'N',
      description: 'share of the supply the operator may lose if its hot key is stolen, in percent',
      default: '1',
    },
    json: { type: 'boolean', description: 'print the plan and its findings as JSON' },
  },
  help: [
    'The defaults are the source plan.',
    'Prints where the plan does not add up; exit code 1 when a finding is an error (e.g. the float exceeds the loss cap).',
  ].join('\n'),
  async run(input) {
    const { runPlanSupply } = await import('./runPlanSupply.ts')
    return runPlanSupply(input)
  },
}
