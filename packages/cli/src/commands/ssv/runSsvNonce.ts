import { getOwnerNonce } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'
import { ssvContractFlags } from './ssvContractFlags.ts'

/** What `chainops ssv nonce` does once its flags are parsed; loaded only when that command runs. */
export async function runSsvNonce({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const { contract, fromBlock } = ssvContractFlags(values)
  if (typeof values.owner !== 'string') throw usageError('--owner 0x… is required')
  const owner = addressArgument(values.owner, '--owner')
  const { publicClient } = await connectChain(values, io, false)
  const nonce = await wrapForeignError(() => getOwnerNonce(publicClient, { contract, owner, fromBlock }))
  io.out(values.json ? toJsonText({ owner, contract, nonce }) : String(nonce))
  return 0
}
