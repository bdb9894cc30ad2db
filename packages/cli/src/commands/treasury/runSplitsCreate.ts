import { buildSplitV2Params, createSplit } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { recipientsFlag } from '../../flags/recipientsFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

/** What `chainops splits create` does once its flags are parsed; loaded only when that command runs. */
export async function runSplitsCreate({ values, io }: CommandInput): Promise<number> {
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
}
