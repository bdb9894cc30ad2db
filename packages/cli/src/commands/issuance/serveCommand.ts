import { awsClientOptions } from '../../aws/awsClientOptions.ts'
import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import type { Command } from '../../framework/Command.ts'
import { DEFAULT_INVOICE_API_PORT } from '../../invoiceApi/DEFAULT_INVOICE_API_PORT.ts'

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'run the invoice-to-mint service: the invoice API, the settle subscriber and the minter',
  usage: 'chainops serve [--mode embedded|aws] [--host H] [--port P] [--log-level L] [connection flags]',
  options: {
    mode: {
      type: 'string',
      value: 'embedded|aws',
      description: 'embedded: node:sqlite store and queue in --db; aws: DynamoDB, SQS FIFO and an SSM key',
      default: 'embedded',
    },
    ...devnetStateOptions,
    'lnd-node': {
      type: 'string',
      value: 'NAME',
      description: 'the devnet lnd node that takes the payments',
      default: 'operator',
    },
    'lnd-socket': {
      type: 'string',
      value: 'HOST:PORT',
      description: "lnd's gRPC address",
      default: "the devnet node's",
    },
    'lnd-cert-file': {
      type: 'string',
      value: 'FILE',
      description: "lnd's TLS certificate",
      default: "the devnet node's",
    },
    'invoice-macaroon-file': {
      type: 'string',
      value: 'FILE',
      description: 'a macaroon that may only create and read invoices',
      default: "baked from the devnet node's admin macaroon",
    },
    'readonly-macaroon-file': {
      type: 'string',
      value: 'FILE',
      description: 'a macaroon that may only read',
      default: "baked from the devnet node's admin macaroon",
    },
    'rpc-url': {
      type: 'string',
      value: 'URL',
      description: "the chain's public RPC",
      default: "the devnet's RPC node",
    },
    'chain-id': { type: 'string', value: 'N', description: "the chain's id", default: "the devnet's" },
    'operator-key-file': {
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: "embedded: the file holding a minter's 0x private key; repeat it for K sending keys",
      default: 'the devnet faucet key',
    },
    'operator-key-ssm': {
      type: 'string',
      multiple: true,
      value: 'NAME',
      description: "aws: the SSM SecureString holding a minter's private key; repeat it for K sending keys",
      default: 'none (needed with --mode aws)',
    },
    db: {
      type: 'string',
      value: 'FILE',
      description: 'embedded: the SQLite file of the store and the queue',
      default: '.chainops/issuance.db',
    },
    ...awsClientOptions,
    table: { type: 'string', value: 'NAME', description: 'aws: the DynamoDB table', default: 'chainops' },
    queue: {
      type: 'string',
      value: 'NAME',
      description: 'aws: the SQS FIFO mint queue; its dead-letter queue sits beside it',
      default: 'chainops-mint',
    },
    'create-resources': { type: 'boolean', description: 'aws: create the table and the queues first' },
    rate: {
      type: 'string',
      value: 'WEI_PER_SAT',
      description: 'wei minted per sat received, an exact "n" or "n/d"',
      default: '10000000000, 1 BTC -> 1 coin',
    },
    'min-sats': { type: 'string', value: 'N', description: 'the smallest invoice', default: '100' },
    'max-sats': { type: 'string', value: 'N', description: 'the largest invoice', default: '10000000' },
    'max-invoice-expiry-seconds': {
      type: 'string',
      value: 'N',
      description: "the longest invoice expiry a client may ask for, at most 31536000 (lnd's limit)",
      default: '604800, 7 days',
    },
    host: { type: 'string', value: 'H', description: 'the address the invoice API listens on', default: '127.0.0.1' },
    port: {
      type: 'string',
      value: 'P',
      description: 'the port the invoice API listens on, 0 for any free port',
      default: String(DEFAULT_INVOICE_API_PORT),
    },
    'log-level': { type: 'string', value: 'LEVEL', description: 'debug, info, warn or error', default: 'info' },
  },
  help: `Serves POST /invoices {address, sats, memo?, expirySeconds?} and GET /invoices/{hash} on --host --port,
subscribes to lnd's settles (resuming from its persisted cursor, reconciling, sweeping expired invoices) and
mints each paid invoice exactly once. Logs are JSON lines on stderr; secrets never appear in them. Stops
cleanly on SIGINT or SIGTERM. Every connection flag falls back to the running devnet's state file; on a
devnet the two least-privilege macaroons are baked from the node's admin macaroon, used for nothing else.
Sharded sending keys: repeat --operator-key-file (embedded) or --operator-key-ssm (aws) once per key; each
key mints with its own nonce stream and queue group, and a key given twice is refused at start.`,
  async run(input) {
    const { runServe } = await import('./runServe.ts')
    return runServe(input)
  },
}
