import type { Command } from '../../framework/Command.ts'
import { keystoreCreateCommand } from './keystoreCreateCommand.ts'
import { keystoreDecryptCommand } from './keystoreDecryptCommand.ts'

/** The `chainops keystore` commands. */
export const keystoreCommands: readonly Command[] = [keystoreCreateCommand, keystoreDecryptCommand]
