import type { Command } from '../../framework/Command.ts'
import { cliqueDiscardCommand } from './cliqueDiscardCommand.ts'
import { cliqueHealthCommand } from './cliqueHealthCommand.ts'
import { cliqueProposeCommand } from './cliqueProposeCommand.ts'
import { cliqueSignersCommand } from './cliqueSignersCommand.ts'
import { genesisInitCommand } from './genesisInitCommand.ts'
import { genesisInspectCommand } from './genesisInspectCommand.ts'
import { genesisLintCommand } from './genesisLintCommand.ts'
import { gethConfigCommand } from './gethConfigCommand.ts'
import { planCapacityCommand } from './planCapacityCommand.ts'
import { planSealersCommand } from './planSealersCommand.ts'
import { planSupplyCommand } from './planSupplyCommand.ts'

/** genesis, plan, geth and clique commands (@chainops/clique). */
export const cliqueCommands: Command[] = [
  genesisInitCommand,
  genesisLintCommand,
  genesisInspectCommand,
  planSealersCommand,
  planCapacityCommand,
  planSupplyCommand,
  gethConfigCommand,
  cliqueSignersCommand,
  cliqueHealthCommand,
  cliqueProposeCommand,
  cliqueDiscardCommand,
]
