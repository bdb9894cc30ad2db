import type { ParseArgsConfig } from 'node:util'

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/** What a command's `run` receives: parsed flags and the positionals after the command path. */
export type CommandInput = {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>
  positionals: string[]
  io: CommandIo
}

/** Where a command writes; tests swap these for buffers. */
export type CommandIo = {
  out: (text: string) => void
  err: (text: string) => void
  /** Progress lines for work longer than a second (stderr, so `--json` stdout stays clean). */
  progress: (text: string) => void
}

/** One leaf command of the CLI: a thin layer that parses, calls one SDK function and prints. */
export type Command = {
  /** The words that select it, e.g. `['devnet', 'up']`. */
  path: readonly string[]
  summary: string
  usage: string
  options?: OptionsConfig
  /** Free text under the options in `--help`. */
  help?: string
  /** Returns the exit code: 0 ok, 1 findings or failure. Bad usage throws a CLI_USAGE CliError (exit 2). */
  run(input: CommandInput): Promise<number>
}
