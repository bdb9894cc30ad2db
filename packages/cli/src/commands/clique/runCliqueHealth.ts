import { sealerHealth } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'
import { withCliqueClients } from '../../rpc/withCliqueClients.ts'

/** What `chainops clique health` does once its flags are parsed; loaded only when that command runs. */
export async function runCliqueHealth({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const rpc = rpcFlag(values.rpc)
  const blocks = integerFlag(values.blocks, 'blocks', 50, { min: 1, max: 10_000 }) as number
  const period = integerFlag(values.period, 'period', undefined, { min: 1 })
  const signers = values.signers === undefined ? undefined : addressListFlag(values.signers, 'signers')
  const sealerRpcs =
    values['sealer-rpc'] === undefined
      ? []
      : String(values['sealer-rpc'])
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== '')
          .map((item) => rpcFlag(item))
  if (values['sealer-rpc'] !== undefined && sealerRpcs.length === 0) {
    throw usageError('--sealer-rpc needs at least one URL or IPC path')
  }
  if (sealerRpcs.length > 0 && period === undefined) {
    throw usageError('--sealer-rpc needs --period: a fork counts as stalled after --stalled-periods periods')
  }
  const stalledPeriods = integerFlag(values['stalled-periods'], 'stalled-periods', 5, { min: 1, max: 1000 }) as number
  io.progress(`clique health: reading the last ${blocks} blocks from ${rpc}`)
  const health = await withCliqueClient(rpc, (client) =>
    withCliqueClients(sealerRpcs, (sealerClients) =>
      sealerHealth(client, {
        blocks,
        ...(signers ? { signers } : {}),
        ...(period === undefined ? {} : { period }),
        ...(sealerClients.length > 0 ? { sealerClients, stalledPeriods } : {}),
      }),
    ),
  )
  const atRisk = (health.signers.length > 0 && health.live <= health.quorum) || health.forkStall !== null
  if (values.json) {
    io.out(toJsonText({ ...health, atRisk }))
  } else {
    io.out(
      `blocks ${health.from}-${health.head}: ${health.live} of ${health.signers.length} signers live, quorum ${health.quorum}`,
    )
    io.out(
      formatTable(
        ['SIGNER', 'LAST SEALED', 'IN TURN', 'OUT OF TURN', 'MISSED TURNS'],
        health.signers.map((s) => [
          s.address,
          s.lastSealed === null ? '-' : String(s.lastSealed),
          String(s.inTurn),
          String(s.outOfTurn),
          String(s.missedTurns),
        ]),
      ),
    )
    for (const warning of health.warnings) io.out(`warning: ${warning}`)
  }
  return atRisk ? 1 : 0
}
