import type { Command } from '../../framework/Command.ts'

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'the invoice-to-mint demo: pay a Lightning invoice on local networks and watch the coins arrive',
  usage: 'chainops demo [--mode embedded|aws] [--sats N] [--address 0x...] [--json]',
  options: {
    mode: {
      type: 'string',
      value: 'embedded|aws',
      description: 'embedded: node:sqlite store and queue; aws: DynamoDB, SQS FIFO and SSM on moto',
      default: 'embedded',
    },
    sats: { type: 'string', value: 'N', description: 'the invoice amount, 1 to 1000000 sats', default: '2500' },
    address: {
      type: 'string',
      value: '0x...',
      description: 'who receives the coins (EIP-55 when mixed case)',
      default: 'a fresh address',
    },
    json: { type: 'boolean', description: 'print the result (payment hash, mint transaction, block, balance) as JSON' },
  },
  help: 'Starts a 3-sealer geth Clique chain, btcd with two lnd nodes (payer -> operator) and, with --mode aws, moto (DynamoDB, SQS FIFO, SSM); runs the issuance service on them; creates an invoice for --sats to --address, pays it from the payer node, waits for the mint and prints the payment hash, the mint transaction, its block and the new balance. Everything is stopped at the end. Needs `bash scripts/setup.sh` first (daemons).',
  async run(input) {
    const { runDemo } = await import('./runDemo.ts')
    return runDemo(input)
  },
}
