import { parseArgs } from 'node:util'
import { isChainopsError } from '@chainops/core'
import { CliError } from '../errors/CliError.ts'
import { usageError } from '../errors/usageError.ts'
import type { Command, CommandIo } from './Command.ts'

const helpOption = { help: { type: 'boolean', short: 'h' } } as const

function formatHelp(command: Command): string {
  const lines = [`chainops ${command.path.join(' ')}: ${command.summary}`, '', `Usage: ${command.usage}`]
  const options = Object.entries({ ...command.options, ...helpOption })
  if (options.length) {
    lines.push('', 'Options:')
    for (const [name, option] of options) {
      const short = 'short' in option && option.short ? `-${option.short}, ` : '    '
      const value = (option.type as string) === 'string' ? ` <${name}>` : ''
      lines.push(`  ${short}--${name}${value}`)
    }
  }
  if (command.help) lines.push('', command.help)
  return lines.join('\n')
}

function formatGroupHelp(commands: readonly Command[], prefix: readonly string[]): string {
  const matching = commands.filter((c) => prefix.every((word, i) => c.path[i] === word))
  const width = Math.max(...matching.map((c) => c.path.join(' ').length))
  const title = prefix.length
    ? `chainops ${prefix.join(' ')}`
    : 'chainops: operate a private geth Clique chain, Lightning issuance, a staking treasury and DVT clusters'
  return [
    title,
    '',
    `Usage: chainops ${prefix.length ? `${prefix.join(' ')} ` : ''}<command> [options]   (--help on any command)`,
    '',
    'Commands:',
    ...matching.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
  ].join('\n')
}

export const defaultIo: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: (text) => process.stderr.write(`${text}\n`),
}

/**
 * Selects the command by its leading words, parses the rest strictly and runs it. Returns the
 * exit code: 0 ok, 1 failure/findings, 2 bad usage. Errors print their message, never a stack
 * for expected (ChainopsError) failures.
 */
export async function runCli(
  commands: readonly Command[],
  argv: readonly string[],
  io: CommandIo = defaultIo,
): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'))
  let command: Command | undefined
  for (const candidate of commands) {
    if (candidate.path.every((word, i) => words[i] === word)) {
      if (!command || candidate.path.length > command.path.length) command = candidate
    }
  }
  const wantsHelp = argv.includes('--help') || argv.includes('-h')
  if (!command) {
    const prefix: string[] = []
    for (const word of words) {
      if (commands.some((c) => [...prefix, word].every((w, i) => c.path[i] === w))) prefix.push(word)
      else break
    }
    if (wantsHelp || words.length === prefix.length) {
      io.out(formatGroupHelp(commands, prefix))
      return words.length === 0 && !wantsHelp ? 2 : 0
    }
    io.err(`chainops: unknown command "${words.join(' ')}"\n\n${formatGroupHelp(commands, prefix)}`)
    return 2
  }
  if (wantsHelp) {
    io.out(formatHelp(command))
    return 0
  }
  const rest = [...argv]
  for (const word of command.path) rest.splice(rest.indexOf(word), 1)
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, ...helpOption },
      allowPositionals: true,
      strict: true,
    })
    return await command.run({ values, positionals, io })
  } catch (caught) {
    const error =
      caught instanceof Error && (caught as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
        ? usageError((caught as Error).message, { cause: caught })
        : caught
    if (error instanceof CliError && error.exitCode === 2) {
      io.err(`chainops ${command.path.join(' ')}: ${error.shortMessage}\n\n${formatHelp(command)}`)
      return error.exitCode
    }
    if (isChainopsError(error)) {
      io.err(`chainops ${command.path.join(' ')}: ${error.message}`)
      return 1
    }
    throw error
  }
}
