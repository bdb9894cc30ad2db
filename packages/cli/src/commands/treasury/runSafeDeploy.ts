import { isChainopsError } from '@chainops/core'
import { deploySafeContracts } from '@chainops/treasury'
import { CliError } from '../../errors/CliError.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

/** What `chainops safe deploy` does once its flags are parsed; loaded only when that command runs. */
export async function runSafeDeploy({ values, io }: CommandInput): Promise<number> {
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
}
