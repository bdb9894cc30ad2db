import { propose } from '@chainops/clique'
import { getAddress, isAddress } from 'viem'
import { usageError } from '../../errors/usageError.ts'
import { rpcFlag } from '../../flags/rpcFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { withCliqueClient } from '../../rpc/withCliqueClient.ts'

/** What `chainops clique propose` does once its flags are parsed; loaded only when that command runs. */
export async function runCliquePropose({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const rpc = rpcFlag(values.rpc)
  if (values.address === undefined) throw usageError('--address is required (the signer to add or remove)')
  const text = String(values.address)
  if (!isAddress(text, { strict: false })) throw usageError(`--address "${text}" is not a 20-byte hex address`)
  const address = getAddress(text)
  const auth = values.drop !== true
  await withCliqueClient(rpc, (client) => propose(client, { address, auth }))
  io.out(
    values.json
      ? toJsonText({ address, auth, rpc })
      : `voted to ${auth ? 'add' : 'remove'} ${address} on ${rpc}; it takes effect once a majority of signers votes the same`,
  )
  return 0
}
