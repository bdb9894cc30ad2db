import type { Command } from '../../framework/Command.ts'
import { sealerRpcOptions } from '../../rpc/sealerRpcOptions.ts'

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
  async run(input) {
    const { runCliqueHealth } = await import('./runCliqueHealth.ts')
    return runCliqueHealth(input)
  },
}
