import { lintGenesis } from '@chainops/clique'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import { coinsFlag } from '../../flags/coinsFlag.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/** What `chainops genesis lint` does once its flags are parsed; loaded only when that command runs. */
export async function runGenesisLint({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the genesis JSON to lint)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  const targetTps = integerFlag(values['target-tps'], 'target-tps', undefined, { min: 1 })
  const tolerateFailures = integerFlag(values['tolerate-failures'], 'tolerate-failures', undefined, { max: 1000 })
  const expectedSupply =
    values['expected-supply'] === undefined ? undefined : coinsFlag(values['expected-supply'], 'expected-supply')
  const text = readTextFile(file, 'genesis')
  const findings = lintGenesis(text, {
    ...(targetTps === undefined ? {} : { targetTps }),
    ...(tolerateFailures === undefined ? {} : { tolerateFailures }),
    ...(expectedSupply === undefined ? {} : { expectedSupply }),
  })
  const errors = findings.filter((f) => f.severity === 'error').length
  if (values.json) {
    io.out(toJsonText(findings.map(({ code, severity, message, path }) => ({ code, severity, message, path }))))
  } else if (findings.length === 0) {
    io.out(`${file}: no findings`)
  } else {
    io.out(
      formatTable(
        ['SEVERITY', 'CODE', 'PATH', 'MESSAGE'],
        findings.map((f) => [f.severity, f.code, f.path, f.message]),
      ),
    )
    const warnings = findings.filter((f) => f.severity === 'warning').length
    io.out(`\n${file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  }
  return errors > 0 ? 1 : 0
}
