import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { Command, CommandInput, CommandIo, CommandOptions } from './Command.ts'
import { formatCommandHelp } from './formatCommandHelp.ts'
import { helpOption } from './helpOption.ts'

/** The options as parseArgs takes them: the help metadata (and any default) left out. */
function parseArgsOptions(options: CommandOptions): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short, multiple }]) => [
      name,
      { type, ...(short === undefined ? {} : { short }), ...(multiple === undefined ? {} : { multiple }) },
    ]),
  )
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

const defaultIo: CommandIo = {
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
    io.out(formatCommandHelp(command))
    return 0
  }
  const rest = [...argv]
  for (const word of command.path) rest.splice(rest.indexOf(word), 1)
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: parseArgsOptions({ ...command.options, help: helpOption }),
      allowPositionals: true,
      strict: true,
    })
    // A flag parses as its own type only (parseArgs types the values by the union of all of them).
    return await command.run({ values: values as CommandInput['values'], positionals, io })
  } catch (caught) {
    // Loaded on failure only: the error classes come from @chainops/core, which `--help` need not load.
    const { reportCommandFailure } = await import('./reportCommandFailure.ts')
    return reportCommandFailure(caught, command, io)
  }
}
