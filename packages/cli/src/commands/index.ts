import type { Command } from '../framework/Command.ts'
import { cliqueCommands } from './clique/index.ts'
import { devnetDown } from './devnet/down.ts'
import { devnetStatus } from './devnet/status.ts'
import { devnetUp } from './devnet/up.ts'
import { treasuryCommands } from './treasury/index.ts'

/** Every command of the CLI; `runCli` picks one by its leading words. */
export const commands: readonly Command[] = [devnetUp, devnetStatus, devnetDown, ...cliqueCommands, ...treasuryCommands]
