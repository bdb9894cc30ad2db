import { deriveLayout } from '@chainops/treasury'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import { readPassphrasesFile } from '../../files/readPassphrasesFile.ts'
import { readSeedSource } from '../../files/readSeedSource.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'

/** What `chainops treasury addresses` does once its flags are parsed; loaded only when that command runs. */
export async function runTreasuryAddresses({ values, io }: CommandInput): Promise<number> {
  const layout = readLayoutOption(values.layout)
  const passphrases = readPassphrasesFile(values['passphrases-file'], io)
  const seed = readSeedSource(values, io)
  let roles: ReturnType<typeof deriveLayout>
  try {
    roles = deriveLayout(seed, layout, passphrases)
  } finally {
    seed.wipe()
    for (const passphrase of Object.values(passphrases)) passphrase.wipe()
  }
  if (values.json) {
    io.out(
      JSON.stringify(
        roles.map(({ tier, role, path, address }) => ({ tier, role, path, address })),
        null,
        2,
      ),
    )
    return 0
  }
  io.out(
    formatTable(
      ['TIER', 'ROLE', 'PATH', 'ADDRESS'],
      roles.map((r) => [r.tier, r.role, r.path, r.address]),
    ),
  )
  return 0
}
