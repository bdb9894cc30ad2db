import { readLayoutOption } from '../../files/readLayoutOption.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'

/** What `chainops treasury layout` does once its flags are parsed; loaded only when that command runs. */
export async function runTreasuryLayout({ values, io }: CommandInput): Promise<number> {
  const layout = readLayoutOption(values.layout)
  if (values.json) {
    io.out(JSON.stringify(layout, null, 2))
    return 0
  }
  const rows = layout.tiers.flatMap((tier) => tier.roles.map((role) => [tier.letter, tier.name, role.role, role.path]))
  io.out(formatTable(['', 'TIER', 'ROLE', 'PATH'], rows))
  return 0
}
