import { createLogger, type LogLevel } from '@chainops/core'
import { usageError } from '../../errors/usageError.ts'
import type { Command } from '../../framework/Command.ts'
import { DEFAULT_INVOICE_API_PORT } from '../../invoiceApi/DEFAULT_INVOICE_API_PORT.ts'
import { openIssuanceFromFlags } from '../../issuance/openIssuanceFromFlags.ts'

const LEVELS = ['debug', 'info', 'warn', 'error'] as const

const issuanceOptionsHelp = `Where things are (flags, else the running devnet's state file):
  --mode embedded|aws        embedded (default): node:sqlite store + queue in --db (default .chainops/issuance.db);
                             aws: DynamoDB --table (default chainops), SQS FIFO --queue (default chainops-mint) + DLQ,
                             operator key from the SSM SecureString --operator-key-ssm; --aws-endpoint/--aws-region
                             (default: the devnet's moto), --create-resources to create the table and queues
  --lnd-socket, --lnd-cert-file, --invoice-macaroon-file, --readonly-macaroon-file
                             lnd and the two least-privilege macaroons; on a devnet they are baked from the
                             --lnd-node's (default operator) admin macaroon, which is used for nothing else
  --rpc-url, --chain-id      the chain's public RPC (default: the devnet's RPC node)
  --operator-key-file        embedded: the file holding the operator key (default: the devnet faucet key)
  --rate WEI_PER_SAT         an exact rational, "n" or "n/d" (default 10000000000: 1 BTC -> 1 coin)
  --min-sats, --max-sats     invoice bounds (default 100 and 10000000)`

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'run the invoice-to-mint service: the invoice API, the settle subscriber and the minter',
  usage: 'chainops serve [--mode embedded|aws] [--host H] [--port P] [--log-level L] [connection flags]',
  options: {
    mode: { type: 'string' },
    state: { type: 'string' },
    'lnd-node': { type: 'string' },
    'lnd-socket': { type: 'string' },
    'lnd-cert-file': { type: 'string' },
    'invoice-macaroon-file': { type: 'string' },
    'readonly-macaroon-file': { type: 'string' },
    'rpc-url': { type: 'string' },
    'chain-id': { type: 'string' },
    'operator-key-file': { type: 'string' },
    'operator-key-ssm': { type: 'string' },
    db: { type: 'string' },
    'aws-endpoint': { type: 'string' },
    'aws-region': { type: 'string' },
    table: { type: 'string' },
    queue: { type: 'string' },
    'create-resources': { type: 'boolean' },
    rate: { type: 'string' },
    'min-sats': { type: 'string' },
    'max-sats': { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'log-level': { type: 'string' },
  },
  help: `Serves POST /invoices {address, sats, memo?, expirySeconds?} and GET /invoices/{hash} on --host (default
127.0.0.1) --port (default ${DEFAULT_INVOICE_API_PORT}), subscribes to lnd's settles (resuming from its persisted
cursor, reconciling, sweeping expired invoices) and mints each paid invoice exactly once. Logs are JSON
lines on stderr (--log-level, default info); secrets never appear in them. Stops cleanly on SIGINT or SIGTERM.

${issuanceOptionsHelp}`,
  async run({ values, io }) {
    const level = (typeof values['log-level'] === 'string' ? values['log-level'] : 'info') as LogLevel
    if (!LEVELS.includes(level as (typeof LEVELS)[number]))
      throw usageError(`--log-level must be one of ${LEVELS.join(', ')}`)
    const port = values.port === undefined ? DEFAULT_INVOICE_API_PORT : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageError('--port must be 0 to 65535')
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1'
    const logger = createLogger({ level, sink: (line) => io.err(line) })
    io.progress('serve: starting')
    const opened = await openIssuanceFromFlags(values, { logger, http: { host, port } })
    const { issuance } = opened
    io.out(
      `serving ${issuance.mode} issuance: API ${issuance.url}, minting from ${issuance.sender}` +
        (issuance.recovery
          ? ` (recovered ${issuance.recovery.open} open mints, next nonce ${issuance.recovery.nextNonce})`
          : ''),
    )
    await new Promise<void>((resolve) => {
      const onSignal = () => {
        process.off('SIGINT', onSignal)
        process.off('SIGTERM', onSignal)
        resolve()
      }
      process.on('SIGINT', onSignal)
      process.on('SIGTERM', onSignal)
    })
    io.progress('serve: stopping')
    await opened.close()
    io.progress('serve: stopped')
    return 0
  },
}
