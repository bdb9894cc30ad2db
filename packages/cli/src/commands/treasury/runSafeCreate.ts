import { createRewardSafe } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { canonicalSafeContracts } from '../../rpc/canonicalSafeContracts.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

/** What `chainops safe create` does once its flags are parsed; loaded only when that command runs. */
export async function runSafeCreate({ values, io }: CommandInput): Promise<number> {
  const owners = requiredStringFlag(values, 'owners')
    .split(',')
    .map((owner, i) => addressArgument(owner.trim(), `owner ${i + 1} of --owners`))
  const threshold = integerArgument(requiredStringFlag(values, 'threshold'), '--threshold')
  if (threshold < 1n || threshold > BigInt(owners.length)) {
    throw usageError(`--threshold must be from 1 to the ${owners.length} owners, got ${threshold}`)
  }
  const saltNonce =
    typeof values['salt-nonce'] === 'string' ? integerArgument(values['salt-nonce'], '--salt-nonce') : 0n
  const chain = await connectChain(values, io, true)
  io.progress(`safe create: ${threshold}-of-${owners.length} on chain ${chain.chainId}`)
  const created = await wrapForeignError(async () =>
    createRewardSafe({
      provider: chain.rpcUrl,
      publicClient: chain.publicClient,
      walletClient: chain.wallet!.client,
      contracts: await canonicalSafeContracts(chain.publicClient),
      owners,
      threshold: Number(threshold),
      saltNonce,
    }),
  )
  const result = {
    address: created.address,
    owners,
    threshold: Number(threshold),
    transactionHash: created.transactionHash ?? null,
  }
  if (values.json) io.out(JSON.stringify(result, null, 2))
  else {
    io.out(`Safe ${result.address}: ${result.threshold} of ${owners.join(', ')}`)
    io.out(result.transactionHash ? `created in ${result.transactionHash}` : 'already existed')
  }
  return 0
}
