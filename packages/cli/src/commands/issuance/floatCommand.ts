import { awsClientOptions } from '../../aws/awsClientOptions.ts'
import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const floatCommand: Command = {
  path: ['float'],
  summary:
    "the operator float: balance, burn rate and runway from the minter's journal, and a refill proposal when low",
  usage:
    'chainops float --cold-wallet 0x... [--operator 0x... ...] [--db FILE | --mode aws --table T] [--rpc-url URL] [--target-coins N] [--threshold-coins N] [--json]',
  options: {
    'cold-wallet': {
      type: 'string',
      value: '0x...',
      description: 'the cold wallet a refill is sent from',
      required: true,
    },
    operator: {
      type: 'string',
      multiple: true,
      value: '0x...',
      description: 'the operator (minting) address; repeat it for each of K sending keys',
      default: 'the devnet faucet',
    },
    db: {
      type: 'string',
      value: 'FILE',
      description: 'embedded: the issuance database of `chainops serve`',
      default: '.chainops/issuance.db',
    },
    mode: {
      type: 'string',
      value: 'embedded|aws',
      description: 'where the journal is: the --db file or the DynamoDB --table',
      default: 'embedded',
    },
    table: { type: 'string', value: 'NAME', description: 'aws: the DynamoDB table', default: 'chainops' },
    ...awsClientOptions,
    'rpc-url': { type: 'string', value: 'URL', description: "the chain's RPC", default: "the devnet's RPC node" },
    'target-coins': {
      type: 'string',
      value: 'N',
      description: 'whole coins a refill tops the operator up to',
      // @chainops/lightning's MONTHLY_FLOAT_WEI in coins, written out so that --help loads no SDK (a test compares).
      default: '30000000, the monthly float',
    },
    'threshold-coins': {
      type: 'string',
      value: 'N',
      description: 'whole coins under which the float is low',
      default: 'a quarter of --target-coins',
    },
    ...devnetStateOptions,
    json: { type: 'boolean', description: 'print the float and the refill plan as JSON (wei as decimal strings)' },
  },
  help: `Reads the operator's balance on the chain and what the mints of the last 30 days cost (value + gas, from
the journaled receipts), then the burn per day and the runway. Below --threshold-coins or under 7 days of
runway the float is low: the command prints why and an UNSIGNED EIP-1559 transfer from --cold-wallet topping
the operator up to --target-coins, to sign offline. Exit 0 when the float is fine, 1 when it is low.
With K sending keys (--operator repeated) each key is reported and planned on its own (target and threshold
per key), with the total beside them; each low key gets its own transfer, numbered with consecutive
cold-wallet nonces.`,
  async run(input) {
    const { runFloat } = await import('./runFloat.ts')
    return runFloat(input)
  },
}
