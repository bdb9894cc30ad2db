/** The `deposit_cli_version` we write: the ethstaker-deposit release whose files ours are byte-identical to. */
export const DEPOSIT_CLI_VERSION = '1.3.1'
