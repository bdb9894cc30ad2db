import type { Command } from '../../framework/Command.ts'

/** The `chainops deposit` commands. */
export const depositCommands: readonly Command[] = []
