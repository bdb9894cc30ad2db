import type { Command } from '../../framework/Command.ts'
import { depositCreateCommand } from './depositCreateCommand.ts'
import { depositVerifyCommand } from './depositVerifyCommand.ts'

/** The `chainops deposit` commands. */
export const depositCommands: readonly Command[] = [depositCreateCommand, depositVerifyCommand]
