import { layoutOptions } from '../../files/layoutOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const treasuryLayoutCommand: Command = {
  path: ['treasury', 'layout'],
  summary: 'print the treasury layout: every tier and role with its BIP-44 path',
  usage: 'chainops treasury layout [--layout FILE] [--json]',
  options: {
    ...layoutOptions,
    json: { type: 'boolean', description: 'print the resolved layout as JSON' },
  },
  help: [
    'The source layout: A MasterAdminVault (Safe owners, splits controller), B ProtocolOperations,',
    'C DVTNodeKeys, D TeamFunds, E.. PersonalPayoutK. A --layout file such as {"MasterAdminVault": {"safeOwners": 5}}',
    'changes what it names. --json prints { coinType, tiers: [{ name, letter, roles: [{ tier, role, path, ... }] }] }.',
  ].join('\n'),
  async run(input) {
    const { runTreasuryLayout } = await import('./runTreasuryLayout.ts')
    return runTreasuryLayout(input)
  },
}
