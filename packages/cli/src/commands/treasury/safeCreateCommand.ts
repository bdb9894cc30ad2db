import { createRewardSafe } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { canonicalSafeContracts } from '../../rpc/canonicalSafeContracts.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const safeCreateCommand: Command = {
  path: ['safe', 'create'],
  summary: 'create an M-of-N Safe (the central reward Safe) with the given owners',
  usage: 'chainops safe create --rpc URL --key-file FILE --owners A,B,C --threshold M [--salt-nonce N] [--json]',
  options: {
    rpc: { type: 'string' },
    'key-file': { type: 'string' },
    owners: { type: 'string' },
    threshold: { type: 'string' },
    'salt-nonce': { type: 'string' },
    json: { type: 'boolean' },
  },
  help: [
    'The owners are the tier-A Safe owner addresses (see `chainops treasury addresses`). The address is',
    'CREATE2 from (owners, threshold, salt nonce): the same arguments again connect to the same Safe.',
    '--key-file pays for the deployment and is not an owner. --json prints { address, owners, threshold, transactionHash }.',
  ].join('\n'),
  async run({ values, io }) {
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
  },
}
