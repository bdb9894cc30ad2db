import type { CommandOption } from './Command.ts'

/** `--help` and `-h`, which every command takes. */
export const helpOption: CommandOption = { type: 'boolean', short: 'h', description: 'show this help and exit' }
