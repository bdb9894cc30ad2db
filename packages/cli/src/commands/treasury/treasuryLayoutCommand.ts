import { layoutOptions } from '../../files/layoutOptions.ts'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'

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
  async run({ values, io }) {
    const layout = readLayoutOption(values.layout)
    if (values.json) {
      io.out(JSON.stringify(layout, null, 2))
      return 0
    }
    const rows = layout.tiers.flatMap((tier) =>
      tier.roles.map((role) => [tier.letter, tier.name, role.role, role.path]),
    )
    io.out(formatTable(['', 'TIER', 'ROLE', 'PATH'], rows))
    return 0
  },
}
