import { getClusterSnapshot } from '@chainops/dvt'
import { formatUnits } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import type { Command } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { operatorIdsFlag } from './operatorIdsFlag.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'
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
  async run({ values, positionals, io }) {
    if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
    const { contract, fromBlock } = ssvContractFlags(values)
    if (typeof values.owner !== 'string') throw usageError('--owner 0x… is required')
    const owner = addressArgument(values.owner, '--owner')
    const operatorIds = operatorIdsFlag(values.operators)
    const { publicClient } = await connectChain(values, io, false)
    const { cluster, source } = await wrapForeignError(() =>
      getClusterSnapshot(publicClient, { contract, owner, operatorIds, fromBlock }),
    )
    if (values.json) {
      io.out(toJsonText({ owner, contract, operatorIds, cluster, source: source ?? null }))
      return 0
    }
    io.out(
      [
        `validatorCount  ${cluster.validatorCount}`,
        `networkFeeIndex ${cluster.networkFeeIndex}`,
        `index           ${cluster.index}`,
        `active          ${cluster.active}`,
        `balance         ${cluster.balance} (${formatUnits(cluster.balance, 18)} SSV)`,
        source
          ? `from            ${source.eventName} in block ${source.blockNumber}`
          : 'from            no event yet (empty cluster)',
      ].join('\n'),
    )
    return 0
  },
}
