import type { Command } from '../../framework/Command.ts'

/** The `chainops ssv` commands. */
export const ssvCommands: readonly Command[] = []
