import { distributeSplit, getSplitV2Params, splitsNativeToken } from '@chainops/treasury'
import { parseAbi, parseEventLogs } from 'viem'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

const distributedEvent = parseAbi([
  'event SplitDistributed(address indexed token, address indexed distributor, uint256 amount)',
])

export const splitsDistributeCommand: Command = {
  path: ['splits', 'distribute'],
  summary: "pay a split's balance of ETH or an ERC-20 out to its recipients",
  usage: 'chainops splits distribute --rpc URL --key-file FILE --split ADDR [--token ADDR] [--from-block N] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'any funded 0x private key, which earns the distribution incentive; mode 600',
      required: true,
    },
    split: { type: 'string', value: 'ADDR', description: 'the split to distribute', required: true },
    token: { type: 'string', value: 'ADDR', description: 'the ERC-20 to distribute', default: 'ETH' },
    'from-block': {
      type: 'string',
      value: 'N',
      description: "where the scan for the split's SplitUpdated events starts",
      default: '0',
    },
    json: { type: 'boolean', description: 'print { hash, token, amount } as JSON (amount in wei or token units)' },
  },
  help: [
    "Distribute is permissionless. The recipients are read from the split's last SplitUpdated event (scanned",
    'from --from-block) and checked against its hash.',
  ].join('\n'),
  async run({ values, io }) {
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
    else
      io.out(`distributed ${result.amount} of ${token === splitsNativeToken ? 'ETH (wei)' : token} in ${result.hash}`)
    return 0
  },
}
