import { LoggerError } from './LoggerError.ts'
import { type LogLevel, logLevelRank } from './LogLevel.ts'
import { redact } from './redact.ts'
import { scrubText } from './scrubText.ts'

/** Fields attached to a record or to every record of a logger. */
export type LogFields = Record<string, unknown>

export type Logger = {
  readonly level: LogLevel
  isLevelEnabled(level: LogLevel): boolean
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
  /** A logger that adds `bindings` to every record (the child's fields win over the parent's). */
  child(bindings: LogFields): Logger
}

export type CreateLoggerParameters = {
  /** The least severe level written (default `info`). */
  level?: LogLevel | undefined
  /** Receives each record as one JSON line, without the newline (default: standard error). */
  sink?: ((line: string) => void) | undefined
  /** Fields on every record. */
  bindings?: LogFields | undefined
  /** The clock for the `time` field (tests fix it). */
  now?: (() => Date) | undefined
}

const RESERVED = new Set(['time', 'level', 'msg'])

function defaultSink(line: string): void {
  process.stderr.write(`${line}\n`)
}

/**
 * A structured JSON-lines logger: `{"time":"...","level":"info","msg":"...",...bindings,...fields}`.
 * Everything passes through `redact` first, so `Secret`s, secret-named fields (`password`,
 * `mnemonic`, `privateKey`, `macaroon`, ... at any depth), secrets by their shape in any string and
 * in the message (BIP-39 phrases, 32+ byte hex keys and seeds, xprvs; hashes under hash or id field
 * names and after a hash label such as `tx 0x...` are kept) and secrets inside errors and their
 * causes never reach the sink. A field named `time`, `level` or `msg` is written as `_time`,
 * `_level`, `_msg`.
 */
export function createLogger(parameters: CreateLoggerParameters = {}): Logger {
  const { level = 'info', sink = defaultSink, bindings = {}, now = () => new Date() } = parameters
  if (!Object.hasOwn(logLevelRank, level))
    throw new LoggerError({
      code: 'LOGGER_INVALID_LEVEL',
      shortMessage: 'Invalid log level',
      details: 'expected debug, info, warn or error',
    })
  const threshold = logLevelRank[level]

  const write = (recordLevel: LogLevel, message: string, fields: LogFields | undefined) => {
    if (logLevelRank[recordLevel] < threshold) return
    const record: Record<string, unknown> = {
      time: now().toISOString(),
      level: recordLevel,
      msg: scrubText(String(message)),
    }
    for (const source of [bindings, fields ?? {}]) {
      for (const [key, value] of Object.entries(redact(source) as Record<string, unknown>)) {
        record[RESERVED.has(key) ? `_${key}` : key] = value
      }
    }
    sink(JSON.stringify(record))
  }

  return {
    level,
    isLevelEnabled: (candidate) => logLevelRank[candidate] >= threshold,
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (childBindings) => createLogger({ level, sink, now, bindings: { ...bindings, ...childBindings } }),
  }
}
