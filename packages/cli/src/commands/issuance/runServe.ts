import { createLogger, type LogLevel } from '@chainops/core'
import { usageError } from '../../errors/usageError.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { DEFAULT_INVOICE_API_PORT } from '../../invoiceApi/DEFAULT_INVOICE_API_PORT.ts'
import { openIssuanceFromFlags } from '../../issuance/openIssuanceFromFlags.ts'

const LEVELS = ['debug', 'info', 'warn', 'error'] as const

/** What `chainops serve` does once its flags are parsed; loaded only when that command runs. */
export async function runServe({ values, io }: CommandInput): Promise<number> {
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
    `serving ${issuance.mode} issuance: API ${issuance.url}, minting from ${issuance.senders.join(', ')}` +
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
}
