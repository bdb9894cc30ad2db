import type { Command } from '../framework/Command.ts'
import { devnetDown } from './devnet/down.ts'
import { devnetStatus } from './devnet/status.ts'
import { devnetUp } from './devnet/up.ts'

/** Every command of the CLI; `runCli` picks one by its leading words. */
export const commands: readonly Command[] = [devnetUp, devnetStatus, devnetDown]
