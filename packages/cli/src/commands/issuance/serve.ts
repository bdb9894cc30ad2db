import { createLogger, type LogLevel } from '@chainops/core'
import { type Command, UsageError } from '../../framework/Command.ts'
import { DEFAULT_API_PORT } from './apiClient.ts'
import { issuanceOptions, issuanceOptionsHelp, openIssuance } from './openIssuance.ts'

const LEVELS = ['debug', 'info', 'warn', 'error'] as const

export const serve: Command = {
  path: ['serve'],
  summary: 'run the invoice-to-mint service: the invoice API, the settle subscriber and the minter',
  usage: 'chainops serve [--mode embedded|aws] [--host H] [--port P] [--log-level L] [connection flags]',
  options: {
    ...issuanceOptions,
    host: { type: 'string' },
    port: { type: 'string' },
    'log-level': { type: 'string' },
  },
  help: `Serves POST /invoices {address, sats, memo?, expirySeconds?} and GET /invoices/{hash} on --host (default
127.0.0.1) --port (default ${DEFAULT_API_PORT}), subscribes to lnd's settles (resuming from its persisted
cursor, reconciling, sweeping expired invoices) and mints each paid invoice exactly once. Logs are JSON
lines on stderr (--log-level, default info); secrets never appear in them. Stops cleanly on SIGINT or SIGTERM.

${issuanceOptionsHelp}`,
  async run({ values, io }) {
    const level = (typeof values['log-level'] === 'string' ? values['log-level'] : 'info') as LogLevel
    if (!LEVELS.includes(level as (typeof LEVELS)[number]))
      throw new UsageError(`--log-level must be one of ${LEVELS.join(', ')}`)
    const port = values.port === undefined ? DEFAULT_API_PORT : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0 to 65535')
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1'
    const logger = createLogger({ level, sink: (line) => io.err(line) })
    io.progress('serve: starting')
    const opened = await openIssuance(values, { logger, http: { host, port } })
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
