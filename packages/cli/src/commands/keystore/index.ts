import type { Command } from '../../framework/Command.ts'

/** The `chainops keystore` commands. */
export const keystoreCommands: readonly Command[] = []
