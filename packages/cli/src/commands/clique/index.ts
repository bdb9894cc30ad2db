import type { Command } from '../../framework/Command.ts'

/** genesis, plan, geth and clique commands (@chainops/clique). */
export const cliqueCommands: Command[] = []
