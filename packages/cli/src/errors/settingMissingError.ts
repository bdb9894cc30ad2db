import { CliError } from './CliError.ts'

/** A `CLI_SETTING_MISSING` CliError: `what` came from no flag and there is no running devnet to take it from. */
export function settingMissingError(what: string, flags: string): CliError {
  return new CliError({
    code: 'CLI_SETTING_MISSING',
    shortMessage: `no ${what}`,
    details: `pass ${flags}, or start a devnet with \`chainops devnet up\``,
  })
}
