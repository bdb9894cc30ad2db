import type { Command } from '../../framework/Command.ts'
import { ssvSharesCommand } from './ssvSharesCommand.ts'
import { ssvVerifyCommand } from './ssvVerifyCommand.ts'

/** The `chainops ssv` commands. */
export const ssvCommands: readonly Command[] = [ssvSharesCommand, ssvVerifyCommand]
