import { existsSync } from 'node:fs'
import { proposeSafeTransaction, toSafeTransactionFile } from '@chainops/treasury'
import { CliError } from '../../errors/CliError.ts'
import type { Command } from '../../framework/Command.ts'
import { addressArgument } from './addressArgument.ts'
import { connectChain } from './connectChain.ts'
import { hexArgument } from './hexArgument.ts'
import { integerArgument } from './integerArgument.ts'
import { openSafe } from './openSafe.ts'
import { requiredString } from './requiredString.ts'
import { safeFileFlowHelp } from './safeFileFlowHelp.ts'
import { wrapForeignError } from './wrapForeignError.ts'
import { writeSafeTransactionFile } from './writeSafeTransactionFile.ts'

export const safePropose: Command = {
  path: ['safe', 'propose'],
  summary: 'write an unsigned Safe transaction (a call from the Safe) to a file for the owners to sign',
  usage:
    'chainops safe propose --rpc URL --safe ADDR --to ADDR --value WEI [--data HEX] [--nonce N] --out TX.json [--json]',
  options: {
    rpc: { type: 'string' },
    safe: { type: 'string' },
    to: { type: 'string' },
    value: { type: 'string' },
    data: { type: 'string' },
    nonce: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `--value is in wei (a decimal integer). --nonce defaults to the Safe's current nonce. TX.json is never overwritten.\n\n${safeFileFlowHelp}`,
  async run({ values, io }) {
    const safeAddress = addressArgument(requiredString(values, 'safe'), '--safe')
    const to = addressArgument(requiredString(values, 'to'), '--to')
    const value = integerArgument(requiredString(values, 'value'), '--value')
    const data = typeof values.data === 'string' ? hexArgument(values.data, '--data') : '0x'
    const nonce = typeof values.nonce === 'string' ? Number(integerArgument(values.nonce, '--nonce')) : undefined
    const out = requiredString(values, 'out')
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
  },
}
