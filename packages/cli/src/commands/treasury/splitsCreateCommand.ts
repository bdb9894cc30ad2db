import { buildSplitV2Params, createSplit } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { recipientsFlag } from '../../flags/recipientsFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const splitsCreateCommand: Command = {
  path: ['splits', 'create'],
  summary: 'create a SplitsV2 push split (team pool + personal payouts) controlled by the Safe',
  usage:
    'chainops splits create --rpc URL --key-file FILE --factory ADDR --owner ADDR --recipients ADDR=PPM,... [--distribution-incentive PPM] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays, on one line, mode 600',
      required: true,
    },
    factory: { type: 'string', value: 'ADDR', description: 'the SplitsV2 PushSplitFactory', required: true },
    owner: { type: 'string', value: 'ADDR', description: "the split's controller (the reward Safe)", required: true },
    recipients: {
      type: 'string',
      value: 'ADDR=PPM,...',
      description: 'shares in parts per million summing to 1000000, in order',
      required: true,
    },
    'distribution-incentive': {
      type: 'string',
      value: 'PPM',
      description: 'ppm of each distribution paid to whoever distributes (at most 65535)',
      default: '0',
    },
    json: { type: 'boolean', description: 'print { address, hash, recipients } as JSON' },
  },
  help: [
    'On a local chain --factory is the PushSplitFactoryDouble. With the reward Safe as --owner, updates need',
    "its owners' signatures. The order of --recipients is part of the split's hash.",
  ].join('\n'),
  async run({ values, io }) {
    const factory = addressArgument(requiredStringFlag(values, 'factory'), '--factory')
    const owner = addressArgument(requiredStringFlag(values, 'owner'), '--owner')
    const recipients = recipientsFlag(requiredStringFlag(values, 'recipients'))
    const incentive =
      typeof values['distribution-incentive'] === 'string'
        ? integerArgument(values['distribution-incentive'], '--distribution-incentive')
        : 0n
    if (incentive > 65_535n) throw usageError('--distribution-incentive is at most 65535 ppm')
    const split = buildSplitV2Params({ recipients, distributionIncentive: Number(incentive) })
    const chain = await connectChain(values, io, true)
    io.progress(`splits create: ${recipients.length} recipients on chain ${chain.chainId}`)
    const created = await wrapForeignError(() =>
      createSplit({ publicClient: chain.publicClient, walletClient: chain.wallet!.client, factory, split, owner }),
    )
    const result = {
      address: created.address,
      hash: created.hash,
      recipients: recipients.map((r) => ({ address: r.address, ppm: r.allocation.toString() })),
    }
    if (values.json) io.out(JSON.stringify(result, null, 2))
    else io.out(`split ${created.address} (controller ${owner}) created in ${created.hash}`)
    return 0
  },
}
