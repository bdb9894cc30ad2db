import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { isChainopsError, SqliteStore, type Store, WEI_PER_COIN } from '@chainops/core'
import { DynamoDbStore } from '@chainops/core/aws'
import { getOperatorFloat, getOperatorFloats, planFloatRefill, planFloatRefills } from '@chainops/lightning'
import { type Address, createPublicClient, formatEther, http, type PublicClient } from 'viem'
import { awsClientConfig } from '../../aws/awsClientConfig.ts'
import { devnetStatePath } from '../../devnetState/devnetStatePath.ts'
import { readDevnetState } from '../../devnetState/readDevnetState.ts'
import { CliError } from '../../errors/CliError.ts'
import { settingMissingError } from '../../errors/settingMissingError.ts'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { stringFlag } from '../../flags/stringFlag.ts'
import { stringListFlag } from '../../flags/stringListFlag.ts'
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
  const operatorTexts = stringListFlag(values.operator)
  const faucet = endpoints?.geth?.faucet.address
  const operators =
    operatorTexts.length > 0 ? operatorTexts.map((text) => addressArgument(text, '--operator')) : faucet ? [faucet] : []
  const operator = operators[0]
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
    if (operators.length > 1) return await reportKeys({ values, io, store, client, operators, coldWallet })
    const current = await getOperatorFloat({ store, client, operator })
    const plan = planFloatRefill({ float: current, ...(await refillInputs(client, coldWallet, values)) })
    if (values.json) {
      io.out(json({ float: current, ...plan }))
    } else {
      io.out(
        [
          `operator     ${current.operator}`,
          `balance      ${formatEther(current.balanceWei)} coins`,
          `mints        ${current.mints} in the last ${(current.spanMs / 86_400_000).toFixed(1)} days, burning ${formatEther(current.burnedWei)} coins`,
          `burn         ${formatEther(current.burnWeiPerDay)} coins a day`,
          `runway       ${runwayText(current.runwaySeconds)}`,
          ...planLines(plan),
        ].join('\n'),
      )
    }
    return plan.status === 'low' ? 1 : 0
  } finally {
    await store.close()
  }
}

const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2)

/** What a refill plan reads from the chain (cold wallet nonce, fees) and the flags, for one key or K. */
async function refillInputs(client: PublicClient, coldWallet: Address, values: CommandInput['values']) {
  const [chainId, coldNonce, fees] = await Promise.all([
    client.getChainId(),
    client.getTransactionCount({ address: coldWallet, blockTag: 'pending' }),
    client.estimateFeesPerGas(),
  ])
  return {
    coldWallet,
    chainId,
    coldNonce,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    targetWei: wholeCoinsFlag(values['target-coins'], 'target-coins'),
    thresholdWei: wholeCoinsFlag(values['threshold-coins'], 'threshold-coins'),
  }
}

const runwayText = (seconds: bigint | undefined): string =>
  seconds === undefined ? 'unbounded (nothing burned yet)' : `${(Number(seconds) / 86_400).toFixed(1)} days`

/** A key's plan as text: its status, warnings and the unsigned refill, if any. */
const planLines = (plan: ReturnType<typeof planFloatRefill>): string[] => [
  `status       ${plan.status}`,
  ...plan.warnings.map((warning) => `warning      ${warning}`),
  ...(plan.proposal
    ? [
        `refill       ${formatEther(plan.proposal.valueWei)} coins from ${plan.proposal.from} (nonce ${plan.proposal.transaction.nonce})`,
        `unsigned tx  ${plan.proposal.unsignedTx}`,
      ]
    : []),
]

/** K sending keys: each key's float and refill plan (consecutive cold nonces), and the total. */
async function reportKeys(parameters: {
  values: CommandInput['values']
  io: CommandInput['io']
  store: Store
  client: PublicClient
  operators: Address[]
  coldWallet: Address
}): Promise<number> {
  const { values, io, store, client, operators, coldWallet } = parameters
  let floats: Awaited<ReturnType<typeof getOperatorFloats>>
  try {
    floats = await getOperatorFloats({ store, client, operators })
  } catch (error) {
    if (isChainopsError(error, 'MINT_FLOAT_INVALID_PARAMETERS'))
      throw usageError(`--operator: ${(error.details ?? error.shortMessage).replace(/^operators: /, '')}`, {
        cause: error,
      })
    throw error
  }
  const plan = planFloatRefills({ floats, ...(await refillInputs(client, coldWallet, values)) })
  if (values.json) {
    io.out(
      json({
        keys: floats.keys.map((float, index) => {
          const { operator: _, ...keyPlan } = plan.keys[index] as (typeof plan.keys)[number]
          return { float, ...keyPlan }
        }),
        total: floats.total,
        status: plan.status,
        totalRefillWei: plan.totalRefillWei,
      }),
    )
  } else {
    const lines: string[] = []
    for (const [index, float] of floats.keys.entries()) {
      const keyPlan = plan.keys[index] as (typeof plan.keys)[number]
      lines.push(
        `operator     ${float.operator}`,
        `balance      ${formatEther(float.balanceWei)} coins`,
        `mints        ${float.mints}, burning ${formatEther(float.burnWeiPerDay)} coins a day`,
        ...planLines(keyPlan),
        '',
      )
    }
    lines.push(
      `total        ${floats.keys.length} keys, ${formatEther(floats.total.balanceWei)} coins, ${floats.total.mints} mints`,
      `burn         ${formatEther(floats.total.burnWeiPerDay)} coins a day`,
      `runway       ${runwayText(floats.total.runwaySeconds)}`,
      `refills      ${formatEther(plan.totalRefillWei)} coins`,
      `status       ${plan.status}`,
    )
    io.out(lines.join('\n'))
  }
  return plan.status === 'low' ? 1 : 0
}
