import type { Command } from '../../framework/Command.ts'
import { demoCommand } from './demoCommand.ts'

/** The invoice-to-mint demo on local networks (@chainops/devnet and @chainops/lightning). */
export const demoCommands: Command[] = [demoCommand]
