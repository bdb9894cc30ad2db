import { getSigners } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { bigintFlag } from '../../flags/bigintFlag.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'

/** What `chainops clique signers` does once its flags are parsed; loaded only when that command runs. */
export async function runCliqueSigners({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const rpc = rpcFlag(values.rpc)
  const blockNumber = bigintFlag(values.block, 'block', undefined)
  const signers = await withCliqueClient(rpc, (client) =>
    getSigners(client, blockNumber === undefined ? {} : { blockNumber }),
  )
  io.out(values.json ? toJsonText(signers) : signers.join('\n'))
  return 0
}
