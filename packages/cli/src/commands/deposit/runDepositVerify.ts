import { type DepositNetwork, verifyDepositData } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'
import { depositNetworkFlag } from './depositNetworkFlag.ts'

/** What `chainops deposit verify` does once its flags are parsed; loaded only when that command runs. */
export async function runDepositVerify({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the deposit_data-*.json to check)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  const network: DepositNetwork | undefined =
    values.network === undefined ? undefined : depositNetworkFlag(values.network)
  const result = verifyDepositData(readTextFile(file, 'deposit data'), { network })
  if (values.json) {
    io.out(toJsonText({ file, ...result }))
  } else if (result.valid) {
    io.out(`${file}: ${result.count} deposit${result.count === 1 ? '' : 's'} valid${network ? ` for ${network}` : ''}`)
  } else {
    io.out(
      formatTable(
        ['INDEX', 'FIELD', 'CODE', 'MESSAGE'],
        result.findings.map((f) => [String(f.index), f.field, f.code, f.message]),
      ),
    )
    io.out(
      `\n${file}: ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${result.count} deposit${result.count === 1 ? '' : 's'}`,
    )
  }
  return result.valid ? 0 : 1
}
