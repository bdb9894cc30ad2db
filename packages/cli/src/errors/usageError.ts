import { CliError } from './CliError.ts'

/** A `CLI_USAGE` CliError (exit 2, the command's help printed under the message). */
export function usageError(shortMessage: string, options: { details?: string; cause?: unknown } = {}): CliError {
  return new CliError({ code: 'CLI_USAGE', shortMessage, ...options })
}
