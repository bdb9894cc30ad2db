import type { Command } from '../../framework/Command.ts'
import { devnetDownCommand } from './devnetDownCommand.ts'
import { devnetStatusCommand } from './devnetStatusCommand.ts'
import { devnetUpCommand } from './devnetUpCommand.ts'

/** devnet commands: the local stack in the background (@chainops/devnet). */
export const devnetCommands: Command[] = [devnetUpCommand, devnetStatusCommand, devnetDownCommand]
