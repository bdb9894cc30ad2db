import type { Command } from '../../framework/Command.ts'

/** treasury, safe and splits commands (@chainops/treasury). */
export const treasuryCommands: Command[] = []
