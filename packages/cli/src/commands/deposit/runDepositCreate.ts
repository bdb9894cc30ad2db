import { join } from 'node:path'
import { isChainopsError, parseExactUnits, type Secret } from '@chainops/core'
import {
  createDepositData,
  type DepositDataEntry,
  depositDataFileName,
  deriveValidatorKeys,
  serializeDepositData,
  verifyDepositData,
} from '@chainops/dvt'
import { getAddress, isAddress } from 'viem'
import { CliError } from '../../errors/CliError.ts'
import { usageError } from '../../errors/usageError.ts'
import { readSecretFile } from '../../files/readSecretFile.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { depositNetworkFlag } from './depositNetworkFlag.ts'

/** Gwei from `--amount` in ETH, up to 9 decimals (exit 2 otherwise). */
function amountFlag(value: unknown): bigint {
  const text = value === undefined ? '32' : String(value)
  try {
    return parseExactUnits(text, 9, { what: 'ETH amount' })
  } catch (cause) {
    throw usageError(`--amount must be ETH with at most 9 decimals, got "${text}"`, { cause })
  }
}

/** What `chainops deposit create` does once its flags are parsed; loaded only when that command runs. */
export async function runDepositCreate({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const mnemonicFile = requiredStringFlag(values, 'mnemonic-file')
  const index = requiredIntegerFlag(values.index, 'index', { max: 0xffffffff })
  const count = integerFlag(values.count, 'count', 1, { min: 1, max: 10_000 }) as number
  if (index + count - 1 > 0xffffffff) throw usageError('--index plus --count passes the last index, 2^32-1')
  const address = requiredStringFlag(values, 'withdrawal-address')
  if (!isAddress(address))
    throw usageError(`--withdrawal-address is not an address (or its checksum is wrong): "${address}"`)
  const withdrawalAddress = getAddress(address)
  const network = depositNetworkFlag(requiredStringFlag(values, 'network'))
  const compounding = values.compounding === true
  const amount = amountFlag(values.amount)
  const folder = typeof values.out === 'string' ? values.out : '.'

  const mnemonic = readSecretFile(mnemonicFile, 'mnemonic-file', io)
  let passphrase: Secret<string> | undefined
  const entries: DepositDataEntry[] = []
  try {
    if (typeof values['passphrase-file'] === 'string') {
      passphrase = readSecretFile(values['passphrase-file'], 'passphrase-file', io)
    }
    for (let i = 0; i < count; i++) {
      if (count > 1) io.progress(`deposit create: validator ${i + 1}/${count} (index ${index + i})`)
      // One index gives one key.
      const keys = deriveValidatorKeys({ mnemonic, passphrase, index: index + i })[0]!
      try {
        entries.push(createDepositData({ keys, withdrawalAddress, amount, network, compounding }))
      } catch (error) {
        // The range depends on --compounding: a bad --amount is bad usage.
        if (isChainopsError(error, 'DEPOSIT_AMOUNT_OUT_OF_RANGE'))
          throw usageError(`--amount: ${error.shortMessage}`, { cause: error })
        throw error
      } finally {
        keys.signingKey.wipe()
        keys.withdrawalKey.wipe()
      }
    }
  } finally {
    mnemonic.wipe()
    passphrase?.wipe()
  }

  const text = serializeDepositData(entries)
  const check = verifyDepositData(text, { network })
  if (!check.valid)
    throw new CliError({
      code: 'CLI_FILE_INVALID',
      shortMessage: 'the deposit data did not verify; nothing written',
      details: check.findings.map((f) => `${f.index}.${f.field}: ${f.code}`).join(', '),
    })
  const file = join(folder, depositDataFileName())
  await writeOutputFile(file, text)

  const deposits = entries.map((entry, i) => ({
    index: index + i,
    pubkey: entry.pubkey,
    amount: entry.amount,
    deposit_data_root: entry.deposit_data_root,
  }))
  if (values.json) {
    io.out(toJsonText({ file, network, withdrawalCredentials: compounding ? '0x02' : '0x01', deposits }))
    return 0
  }
  io.out(
    formatTable(
      ['INDEX', 'PUBKEY', 'AMOUNT (gwei)', 'DEPOSIT DATA ROOT'],
      deposits.map((d) => [String(d.index), `0x${d.pubkey}`, String(d.amount), `0x${d.deposit_data_root}`]),
    ),
  )
  io.out(
    `\nwrote ${file}: ${count} deposit${count === 1 ? '' : 's'} for ${network}, ${compounding ? '0x02' : '0x01'} credentials to ${withdrawalAddress}`,
  )
  return 0
}
