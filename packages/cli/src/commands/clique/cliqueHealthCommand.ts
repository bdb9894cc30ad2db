import { sealerHealth } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { addressListFlag } from '../../flags/addressListFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'
import { withCliqueClients } from '../../rpc/withCliqueClients.ts'

export const cliqueHealthCommand: Command = {
  path: ['clique', 'health'],
  summary:
    "each signer's last sealed block, in/out-of-turn counts and missed turns; warns before quorum is lost or on a fork stall",
  usage:
    'chainops clique health --rpc URL|IPC [--blocks N] [--signers ADDR,...] [--period S] [--sealer-rpc URL|IPC,... --period S] [--stalled-periods N] [--json]',
  options: {
    ...sealerRpcOptions,
    blocks: { type: 'string', value: 'N', description: 'how many recent blocks to read (1 to 10000)', default: '50' },
    signers: {
      type: 'string',
      value: 'ADDR,...',
      description: 'the signer set, for a node without the clique API',
      default: 'clique_getSigners',
    },
    period: {
      type: 'string',
      value: 'S',
      description: 'the Clique period, to judge the age of the head block',
      default: "the head block's age is not judged",
    },
    'sealer-rpc': {
      type: 'string',
      value: 'URL|IPC,...',
      description:
        "every sealer's own RPC, comma-separated, to detect the equal-difficulty fork stall (needs --period)",
      default: 'no fork-stall check',
    },
    'stalled-periods': {
      type: 'string',
      value: 'N',
      description: 'periods without a block before competing heads count as a fork stall',
      default: '5',
    },
    json: { type: 'boolean', description: 'print the report, with atRisk, as JSON' },
  },
  help: [
    'Reads the last --blocks blocks and recovers each seal. Against a public RPC node (no clique API) pass --signers.',
    "With --sealer-rpc it also compares the sealers' own heads: two out-of-turn blocks at one height, each held by",
    'its sealer, with no block for --stalled-periods periods, is the fork stall Clique cannot leave (CLIQUE_FORK_STALL).',
    'Exit code 1 when the live signers are at or below quorum (one more failure halts the chain, or it has halted),',
    'or when the sealers are in a fork stall.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
