import type { Command } from '../../framework/Command.ts'
import { safeCreate } from './safeCreate.ts'
import { safeDeploy } from './safeDeploy.ts'
import { safeExecute } from './safeExecute.ts'
import { safePropose } from './safePropose.ts'
import { safeSign } from './safeSign.ts'
import { splitsCreate } from './splitsCreate.ts'
import { splitsDistribute } from './splitsDistribute.ts'
import { treasuryAddresses } from './treasuryAddresses.ts'
import { treasuryLayout } from './treasuryLayout.ts'

/** treasury, safe and splits commands (@chainops/treasury). */
export const treasuryCommands: Command[] = [
  treasuryLayout,
  treasuryAddresses,
  safeDeploy,
  safeCreate,
  safePropose,
  safeSign,
  safeExecute,
  splitsCreate,
  splitsDistribute,
]
