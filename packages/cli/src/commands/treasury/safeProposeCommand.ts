import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const safeProposeCommand: Command = {
  path: ['safe', 'propose'],
  summary: 'write an unsigned Safe transaction (a call from the Safe) to a file for the owners to sign',
  usage:
    'chainops safe propose --rpc URL --safe ADDR --to ADDR --value WEI [--data HEX] [--nonce N] --out TX.json [--json]',
  options: {
    ...rpcOptions,
    safe: { type: 'string', value: 'ADDR', description: 'the Safe that makes the call', required: true },
    to: { type: 'string', value: 'ADDR', description: 'whom the Safe calls or pays', required: true },
    value: { type: 'string', value: 'WEI', description: 'wei sent with the call (a decimal integer)', required: true },
    data: { type: 'string', value: 'HEX', description: 'the call data', default: '0x, a plain transfer' },
    nonce: {
      type: 'string',
      value: 'N',
      description: "the Safe transaction's nonce",
      default: "the Safe's current nonce",
    },
    out: {
      type: 'string',
      value: 'TX.json',
      description: 'where the unsigned transaction goes (never overwritten)',
      required: true,
    },
    json: { type: 'boolean', description: 'print the transaction file as JSON' },
  },
  help: safeFileFlowHelp,
  async run(input) {
    const { runSafePropose } = await import('./runSafePropose.ts')
    return runSafePropose(input)
  },
}
