import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SqliteStore, type Store, WEI_PER_COIN } from '@chainops/core'
import { DynamoDbStore } from '@chainops/core/aws'
import { getOperatorFloat, planFloatRefill } from '@chainops/lightning'
import { createPublicClient, formatEther, http } from 'viem'
import { awsClientConfig } from '../../aws/awsClientConfig.ts'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import { CliError } from '../../errors/CliError.ts'
import { settingMissingError } from '../../errors/settingMissingError.ts'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { stringFlag } from '../../flags/stringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'

/** A whole number of coins (at least 1) as wei, or undefined when the flag is absent. */
function wholeCoinsFlag(value: unknown, name: string): bigint | undefined {
  const coins = bigintFlag(value, name, undefined, 1n)
  return coins === undefined ? undefined : coins * WEI_PER_COIN
}

/** What `chainops float` does once its flags are parsed; loaded only when that command runs. */
export async function runFloat({ values, io }: CommandInput): Promise<number> {
  const coldWalletText = stringFlag(values['cold-wallet'])
  if (!coldWalletText) throw usageError('--cold-wallet is required')
  const coldWallet = addressArgument(coldWalletText, '--cold-wallet')
  const state = readDevnetState(devnetStatePath(values.state))
  const endpoints = state?.status === 'ready' ? state.endpoints : undefined
  const operatorText = stringFlag(values.operator)
  const operator =
    operatorText === undefined ? endpoints?.geth?.faucet.address : addressArgument(operatorText, '--operator')
  const rpcUrl = stringFlag(values['rpc-url']) ?? endpoints?.geth?.rpcUrl
  if (!operator || !rpcUrl) throw settingMissingError('operator or chain RPC', '--operator and --rpc-url')
  let store: Store
  if ((stringFlag(values.mode) ?? 'embedded') === 'aws') {
    store = new DynamoDbStore({
      tableName: stringFlag(values.table) ?? 'chainops',
      clientConfig: awsClientConfig(
        { endpoint: stringFlag(values['aws-endpoint']), region: stringFlag(values['aws-region']) },
        endpoints,
      ),
    })
  } else {
    const db = resolve(stringFlag(values.db) ?? '.chainops/issuance.db')
    if (!existsSync(db))
      throw new CliError({
        code: 'CLI_FILE_UNREADABLE',
        shortMessage: `no issuance database at ${db}`,
        details: 'pass --db (the file `chainops serve --db` uses)',
      })
    store = new SqliteStore({ path: db })
  }
  try {
    const client = createPublicClient({ transport: http(rpcUrl) })
    const current = await getOperatorFloat({ store, client, operator })
    const [chainId, coldNonce, fees] = await Promise.all([
      client.getChainId(),
      client.getTransactionCount({ address: coldWallet, blockTag: 'pending' }),
      client.estimateFeesPerGas(),
    ])
    const plan = planFloatRefill({
      float: current,
      coldWallet,
      chainId,
      coldNonce,
      maxFeePerGas: fees.maxFeePerGas,
      maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
      targetWei: wholeCoinsFlag(values['target-coins'], 'target-coins'),
      thresholdWei: wholeCoinsFlag(values['threshold-coins'], 'threshold-coins'),
    })
    if (values.json) {
      io.out(JSON.stringify({ float: current, ...plan }, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2))
    } else {
      const days =
        current.runwaySeconds === undefined
          ? 'unbounded (nothing burned yet)'
          : `${(Number(current.runwaySeconds) / 86_400).toFixed(1)} days`
      io.out(
        [
          `operator     ${current.operator}`,
          `balance      ${formatEther(current.balanceWei)} coins`,
          `mints        ${current.mints} in the last ${(current.spanMs / 86_400_000).toFixed(1)} days, burning ${formatEther(current.burnedWei)} coins`,
          `burn         ${formatEther(current.burnWeiPerDay)} coins a day`,
          `runway       ${days}`,
          `status       ${plan.status}`,
          ...plan.warnings.map((warning) => `warning      ${warning}`),
          ...(plan.proposal
            ? [
                `refill       ${formatEther(plan.proposal.valueWei)} coins from ${plan.proposal.from} (nonce ${plan.proposal.transaction.nonce})`,
                `unsigned tx  ${plan.proposal.unsignedTx}`,
              ]
            : []),
        ].join('\n'),
      )
    }
    return plan.status === 'low' ? 1 : 0
  } finally {
    await store.close()
  }
}
