import { isChainopsError } from '@chainops/core'
import { CliError } from '../errors/CliError.ts'
import { usageError } from '../errors/usageError.ts'
import type { Command, CommandIo } from './Command.ts'
import { formatCommandHelp } from './formatCommandHelp.ts'

/**
 * The exit code of a command that threw, with its message printed: 2 and the command's help for bad
 * usage (a parseArgs error or a CLI_USAGE CliError), 1 for any other ChainopsError (its message, no
 * stack). Anything else is a bug and is rethrown.
 */
export function reportCommandFailure(caught: unknown, command: Command, io: CommandIo): number {
  const error =
    caught instanceof Error && (caught as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
      ? usageError(caught.message, { cause: caught })
      : caught
  if (error instanceof CliError && error.exitCode === 2) {
    io.err(`chainops ${command.path.join(' ')}: ${error.shortMessage}\n\n${formatCommandHelp(command)}`)
    return error.exitCode
  }
  if (isChainopsError(error)) {
    io.err(`chainops ${command.path.join(' ')}: ${error.message}`)
    return 1
  }
  throw error
}
