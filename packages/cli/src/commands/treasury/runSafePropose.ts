import { existsSync } from 'node:fs'
import { proposeSafeTransaction, toSafeTransactionFile } from '@chainops/treasury'
import { CliError } from '../../errors/CliError.ts'
import { writeSafeTransactionFile } from '../../files/writeSafeTransactionFile.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { hexArgument } from '../../flags/hexArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

/** What `chainops safe propose` does once its flags are parsed; loaded only when that command runs. */
export async function runSafePropose({ values, io }: CommandInput): Promise<number> {
  const safeAddress = addressArgument(requiredStringFlag(values, 'safe'), '--safe')
  const to = addressArgument(requiredStringFlag(values, 'to'), '--to')
  const value = integerArgument(requiredStringFlag(values, 'value'), '--value')
  const data = typeof values.data === 'string' ? hexArgument(values.data, '--data') : '0x'
  const nonce = typeof values.nonce === 'string' ? Number(integerArgument(values.nonce, '--nonce')) : undefined
  const out = requiredStringFlag(values, 'out')
  if (existsSync(out)) {
    throw new CliError({
      code: 'CLI_FILE_EXISTS',
      shortMessage: `${out} exists; propose never overwrites a transaction file`,
    })
  }
  const chain = await connectChain(values, io, false)
  const file = await wrapForeignError(async () => {
    const safe = await openSafe(chain, safeAddress)
    const { transaction } = await proposeSafeTransaction({
      safe,
      calls: [{ to, value, data }],
      ...(nonce === undefined ? {} : { nonce }),
    })
    return toSafeTransactionFile({ chainId: chain.chainId, safeAddress, transaction })
  })
  writeSafeTransactionFile(out, file)
  if (values.json) io.out(JSON.stringify(file, null, 2))
  else io.out(`proposed ${file.safeTxHash} (Safe ${safeAddress}, nonce ${file.transaction.nonce}) -> ${out}`)
  return 0
}
