import { formatEther, getAddress, isAddress } from 'viem'
import { runInvoiceToMintDemo } from '../../demo/runInvoiceToMintDemo.ts'
import { usageError } from '../../errors/usageError.ts'
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
  async run({ values, io }) {
    const mode = typeof values.mode === 'string' ? values.mode : 'embedded'
    if (mode !== 'embedded' && mode !== 'aws') throw usageError(`--mode must be embedded or aws, got "${mode}"`)
    const satsText = typeof values.sats === 'string' ? values.sats : '2500'
    if (!/^[1-9][0-9]{0,6}$/.test(satsText) || BigInt(satsText) > 1_000_000n)
      throw usageError('--sats must be a whole number from 1 to 1000000')
    let address: `0x${string}` | undefined
    if (values.address !== undefined) {
      if (typeof values.address !== 'string' || !isAddress(values.address, { strict: true }))
        throw usageError('--address must be an address (EIP-55 checksummed when mixed case)')
      address = getAddress(values.address)
    }
    const result = await runInvoiceToMintDemo({
      mode,
      sats: BigInt(satsText),
      address,
      onProgress: (line) => io.progress(`demo: ${line}`),
    })
    if (values.json)
      io.out(JSON.stringify(result, (_, value) => (typeof value === 'bigint' ? value.toString() : value), 2))
    else
      io.out(
        [
          `mode              ${result.mode}`,
          `payment hash      ${result.paymentHash}`,
          `paid              ${result.sats} sats`,
          `mint tx           ${result.mintTxHash}`,
          `block             ${result.block}`,
          `recipient         ${result.address}`,
          `new balance       ${formatEther(result.balanceWei)} coins (${result.balanceWei} wei)`,
          `paid -> minted    ${(result.paidToMintedMs / 1000).toFixed(2)} s`,
        ].join('\n'),
      )
    return 0
  },
}
