import type { Command } from '../../framework/Command.ts'
import { obolDefinitionCreateCommand } from './obolDefinitionCreateCommand.ts'
import { obolDefinitionHashCommand } from './obolDefinitionHashCommand.ts'
import { obolDefinitionSignCommand } from './obolDefinitionSignCommand.ts'
import { obolDefinitionVerifyCommand } from './obolDefinitionVerifyCommand.ts'
import { obolLockVerifyCommand } from './obolLockVerifyCommand.ts'

/** The `chainops obol` commands. */
export const obolCommands: readonly Command[] = [
  obolDefinitionCreateCommand,
  obolDefinitionSignCommand,
  obolDefinitionHashCommand,
  obolDefinitionVerifyCommand,
  obolLockVerifyCommand,
]
