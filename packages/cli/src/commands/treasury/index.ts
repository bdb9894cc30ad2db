import type { Command } from '../../framework/Command.ts'
import { safeCreateCommand } from './safeCreateCommand.ts'
import { safeDeployCommand } from './safeDeployCommand.ts'
import { safeExecuteCommand } from './safeExecuteCommand.ts'
import { safeProposeCommand } from './safeProposeCommand.ts'
import { safeSignCommand } from './safeSignCommand.ts'
import { splitsCreateCommand } from './splitsCreateCommand.ts'
import { splitsDistributeCommand } from './splitsDistributeCommand.ts'
import { treasuryAddressesCommand } from './treasuryAddressesCommand.ts'
import { treasuryLayoutCommand } from './treasuryLayoutCommand.ts'

/** treasury, safe and splits commands (@chainops/treasury). */
export const treasuryCommands: Command[] = [
  treasuryLayoutCommand,
  treasuryAddressesCommand,
  safeDeployCommand,
  safeCreateCommand,
  safeProposeCommand,
  safeSignCommand,
  safeExecuteCommand,
  splitsCreateCommand,
  splitsDistributeCommand,
]
