import { createRewardSafe } from '@chainops/treasury'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { canonicalSafeContracts } from '../../rpc/canonicalSafeContracts.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const safeCreateCommand: Command = {
  path: ['safe', 'create'],
  summary: 'create an M-of-N Safe (the central reward Safe) with the given owners',
  usage: 'chainops safe create --rpc URL --key-file FILE --owners A,B,C --threshold M [--salt-nonce N] [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays for the deployment (not an owner), mode 600',
      required: true,
    },
    owners: {
      type: 'string',
      value: 'A,B,C',
      description: 'the owner addresses (the tier-A Safe owners)',
      required: true,
    },
    threshold: {
      type: 'string',
      value: 'M',
      description: 'owner signatures a transaction needs, 1 to the owner count',
      required: true,
    },
    'salt-nonce': {
      type: 'string',
      value: 'N',
      description: 'the CREATE2 salt nonce (same arguments, same Safe)',
      default: '0',
    },
    json: { type: 'boolean', description: 'print { address, owners, threshold, transactionHash } as JSON' },
  },
  help: [
    'The owners are the tier-A Safe owner addresses (see `chainops treasury addresses`). The address is',
    'CREATE2 from (owners, threshold, salt nonce): the same arguments again connect to the same Safe.',
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
