import { existsSync } from 'node:fs'
import { proposeSafeTransaction, toSafeTransactionFile } from '@chainops/treasury'
import { CliError } from '../../errors/CliError.ts'
import { writeSafeTransactionFile } from '../../files/writeSafeTransactionFile.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { hexArgument } from '../../flags/hexArgument.ts'
import { integerArgument } from '../../flags/integerArgument.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { connectChain } from '../../rpc/connectChain.ts'
import { openSafe } from '../../rpc/openSafe.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'
import { wrapForeignError } from '../../rpc/wrapForeignError.ts'

export const safeProposeCommand: Command = {
  path: ['safe', 'propose'],
  summary: 'write an unsigned Safe transaction (a call from the Safe) to a file for the owners to sign',
  usage:
    'chainops safe propose --rpc URL --safe ADDR --to ADDR --value WEI [--data HEX] [--nonce N] --out TX.json [--json]',
  options: {
    ...rpcOptions,
    safe: { type: 'string', value: 'ADDR', description: 'the Safe that makes the call', required: true },
    to: { type: 'string', value: 'ADDR', description: 'whom the Safe calls or pays', required: true },
    value: { type: 'string', value: 'WEI', description: 'wei sent with the call (a decimal integer)', required: true },
    data: { type: 'string', value: 'HEX', description: 'the call data', default: '0x, a plain transfer' },
    nonce: {
      type: 'string',
      value: 'N',
      description: "the Safe transaction's nonce",
      default: "the Safe's current nonce",
    },
    out: {
      type: 'string',
      value: 'TX.json',
      description: 'where the unsigned transaction goes (never overwritten)',
      required: true,
    },
    json: { type: 'boolean', description: 'print the transaction file as JSON' },
  },
  help: safeFileFlowHelp,
  async run({ values, io }) {
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
  },
}
