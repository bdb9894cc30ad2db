/**
 * One flag of a command: how it parses (`type`, `short`, `multiple`, as `node:util` parseArgs takes
 * them) and what `--help` says of it. The default is shown, never applied: the command applies it,
 * so that it can tell an absent flag from a given one. A string flag has either a `default` (what
 * happens when it is absent) or `required`; a boolean flag is off when absent and needs neither.
 */
export type CommandOption = {
  type: 'string' | 'boolean'
  short?: string
  multiple?: boolean
  /** One line: what the flag is for. */
  description: string
  /** What the command uses when the flag is absent, as `--help` shows it (`50`, `embedded`, `the devnet's RPC node`). */
  default?: string
  /**
   * The command cannot run without it: `--help` shows `(required)` where others show their default.
   * Shown, not enforced: the command checks it (a CLI_USAGE error, exit 2), as it checks its value.
   */
  required?: boolean
  /** The value's placeholder in `--help` (`URL`, `N`, `ADDR,...`); `<name>` when absent. */
  value?: string
}

/** A command's flags by name (without the leading `--`). */
export type CommandOptions = Readonly<Record<string, CommandOption>>

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
  options?: CommandOptions
  /** Free text under the options in `--help`. */
  help?: string
  /** Returns the exit code: 0 ok, 1 findings or failure. Bad usage throws a CLI_USAGE CliError (exit 2). */
  run(input: CommandInput): Promise<number>
}
