import type { Command } from '../../framework/Command.ts'

/** The `chainops obol` commands. */
export const obolCommands: readonly Command[] = []
