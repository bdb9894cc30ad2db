import { isChainopsError } from '@chainops/core'
import { deploySafeContracts } from '@chainops/treasury'
import { CliError } from '../../errors/CliError.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const safeDeployCommand: Command = {
  path: ['safe', 'deploy'],
  summary: 'deploy the Safe v1.4.1 contracts at their canonical addresses (those already there are kept)',
  usage: 'chainops safe deploy --rpc URL --key-file FILE [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that pays, on one line, mode 600',
      required: true,
    },
    json: { type: 'boolean', description: 'print { contracts, deployed } as JSON' },
  },
  help: [
    'Deploys the nine v1.4.1 contracts through the Safe singleton factory (0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7)',
    'with salt 0 and checks each code hash.',
    'The factory must already be on the chain: its presigned deployment covers listed chain ids only, so on',
    'a geth Clique chain it goes into the genesis alloc (safeSingletonFactoryPredeploy from @chainops/treasury,',
    'nonce 1), on Hardhat through placeSafeSingletonFactory.',
  ].join('\n'),
  async run({ values, io }) {
    const chain = await connectChain(values, io, true)
    io.progress(`safe deploy: deploying on chain ${chain.chainId} (waits for receipts)`)
    const result = await wrapForeignError(async () => {
      try {
        return await deploySafeContracts({ publicClient: chain.publicClient, walletClient: chain.wallet!.client })
      } catch (error) {
        if (isChainopsError(error, 'SAFE_FACTORY_MISSING')) {
          throw new CliError({
            code: 'CLI_SAFE_CONTRACTS_MISSING',
            shortMessage: `${error.shortMessage} (chain ${chain.chainId}): this command cannot place it`,
            details:
              'on geth, put it in the genesis alloc before the chain starts (safeSingletonFactoryPredeploy from @chainops/treasury: its runtime code at that address, nonce 1); on Hardhat, placeSafeSingletonFactory',
            cause: error,
          })
        }
        throw error
      }
    })
    if (values.json) {
      io.out(JSON.stringify(result, null, 2))
      return 0
    }
    io.out(
      formatTable(
        ['CONTRACT', 'ADDRESS', 'STATUS'],
        Object.entries(result.contracts).map(([name, address]) => [
          name,
          address,
          result.deployed.includes(name as never) ? 'deployed' : 'already there',
        ]),
      ),
    )
    return 0
  },
}
