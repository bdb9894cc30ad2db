import type { Command } from '../../framework/Command.ts'
import { ssvClusterCommand } from './ssvClusterCommand.ts'
import { ssvNonceCommand } from './ssvNonceCommand.ts'
import { ssvRegisterCommand } from './ssvRegisterCommand.ts'
import { ssvSharesCommand } from './ssvSharesCommand.ts'
import { ssvVerifyCommand } from './ssvVerifyCommand.ts'

/** The `chainops ssv` commands. */
export const ssvCommands: readonly Command[] = [
  ssvSharesCommand,
  ssvVerifyCommand,
  ssvRegisterCommand,
  ssvClusterCommand,
  ssvNonceCommand,
]
