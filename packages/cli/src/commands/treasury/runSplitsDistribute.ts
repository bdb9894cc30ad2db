import { distributeSplit, getSplitV2Params, splitsNativeToken } from '@chainops/treasury'
import { parseAbi, parseEventLogs } from 'viem'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

const distributedEvent = parseAbi([
  'event SplitDistributed(address indexed token, address indexed distributor, uint256 amount)',
])

/** What `chainops splits distribute` does once its flags are parsed; loaded only when that command runs. */
export async function runSplitsDistribute({ values, io }: CommandInput): Promise<number> {
  const split = addressArgument(requiredStringFlag(values, 'split'), '--split')
  const token = typeof values.token === 'string' ? addressArgument(values.token, '--token') : splitsNativeToken
  const fromBlock =
    typeof values['from-block'] === 'string' ? integerArgument(values['from-block'], '--from-block') : 0n
  const chain = await connectChain(values, io, true)
  const result = await wrapForeignError(async () => {
    const params = await getSplitV2Params({ publicClient: chain.publicClient, split, fromBlock })
    io.progress(`splits distribute: ${split} to ${params.recipients.length} recipients`)
    const wallet = chain.wallet!.client
    const hash = await distributeSplit({
      publicClient: chain.publicClient,
      walletClient: wallet,
      split,
      params,
      token,
      distributor: wallet.account.address,
    })
    const receipt = await chain.publicClient.getTransactionReceipt({ hash })
    const [event] = parseEventLogs({ abi: distributedEvent, logs: receipt.logs }).filter(
      (log) => log.address.toLowerCase() === split.toLowerCase(),
    )
    return { hash, token, amount: (event?.args.amount ?? 0n).toString() }
  })
  if (values.json) io.out(JSON.stringify(result, null, 2))
  else io.out(`distributed ${result.amount} of ${token === splitsNativeToken ? 'ETH (wei)' : token} in ${result.hash}`)
  return 0
}
