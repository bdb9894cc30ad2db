import { getClusterSnapshot } from '@chainops/dvt'
import { formatUnits } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { operatorIdsFlag } from './operatorIdsFlag.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'

/** What `chainops ssv cluster` does once its flags are parsed; loaded only when that command runs. */
export async function runSsvCluster({ values, positionals, io }: CommandInput): Promise<number> {
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
}
