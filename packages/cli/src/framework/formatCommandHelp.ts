import type { Command, CommandOption } from './Command.ts'
import { helpOption } from './helpOption.ts'

/** Flags longer than this put their description on the next line. */
const MAX_FLAG_WIDTH = 34

function flagText(name: string, option: CommandOption): string {
  const short = option.short ? `-${option.short}, ` : '    '
  const value = option.type === 'string' ? ` ${option.value ?? `<${name}>`}` : ''
  const repeat = option.multiple ? ' ...' : ''
  return `  ${short}--${name}${value}${repeat}`
}

function descriptionText(option: CommandOption): string {
  if (option.required) return `${option.description} (required)`
  return option.default === undefined ? option.description : `${option.description} (default: ${option.default})`
}

/**
 * A command's `--help`: its summary, usage, every option with its one-line description and default (or `(required)`),
 * then its free text.
 */
export function formatCommandHelp(command: Command): string {
  const lines = [`chainops ${command.path.join(' ')}: ${command.summary}`, '', `Usage: ${command.usage}`]
  const options = Object.entries({ ...command.options, help: helpOption })
  const flags = options.map(([name, option]) => flagText(name, option))
  const width = Math.min(MAX_FLAG_WIDTH, Math.max(...flags.map((flag) => flag.length)))
  lines.push('', 'Options:')
  for (const [i, [, option]] of options.entries()) {
    const flag = flags[i] as string
    if (flag.length > width) lines.push(flag, `${' '.repeat(width + 2)}${descriptionText(option)}`)
    else lines.push(`${flag.padEnd(width)}  ${descriptionText(option)}`)
  }
  if (command.help) lines.push('', command.help)
  return lines.join('\n')
}
