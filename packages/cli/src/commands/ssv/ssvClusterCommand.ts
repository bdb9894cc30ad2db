import type { Command } from '../../framework/Command.ts'
import { ssvContractOptions } from './ssvContractOptions.ts'

export const ssvClusterCommand: Command = {
  path: ['ssv', 'cluster'],
  summary: "a cluster's latest snapshot (the struct every cluster call must pass), rebuilt from SSVNetwork's logs",
  usage: 'chainops ssv cluster --rpc URL --contract 0x… --owner 0x… --operators 1,2,3,4 [--from-block N] [--json]',
  options: {
    ...ssvContractOptions,
    owner: { type: 'string', value: '0x…', description: "the cluster's owner", required: true },
    operators: {
      type: 'string',
      value: 'ID,...',
      description: "the cluster's operator ids, ascending (4, 7, 10 or 13)",
      required: true,
    },
    json: { type: 'boolean', description: 'print { owner, contract, operatorIds, cluster, source } as JSON' },
  },
  help: [
    'The snapshot is the cluster struct of the latest ValidatorAdded, ValidatorRemoved, ClusterDeposited,',
    'ClusterWithdrawn, ClusterLiquidated or ClusterReactivated event of the owner and operators;',
    'a cluster with none is {0, 0, 0, true, 0}.',
  ].join('\n'),
  async run(input) {
    const { runSsvCluster } = await import('./runSsvCluster.ts')
    return runSsvCluster(input)
  },
}
