import { verifyShares } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { readOperatorKeysDir } from './readOperatorKeysDir.ts'

/** What `chainops ssv verify` does once its flags are parsed; loaded only when that command runs. */
export async function runSsvVerify({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length !== 1) throw usageError('give exactly one keyshares FILE')
  const file = positionals[0] as string
  const text = readTextFile(file, 'keyshares')
  const dir = values['operator-keys-dir']
  const operatorPrivateKeys = typeof dir === 'string' ? readOperatorKeysDir(dir, io) : undefined
  const report = verifyShares(text, { operatorPrivateKeys })
  if (values.json) io.out(JSON.stringify(report, null, 2))
  else {
    const rows = report.validators.map((validator) => [
      String(validator.index),
      validator.publicKey,
      String(validator.ownerNonce),
      operatorPrivateKeys
        ? `${validator.decryptedOperatorIds.length}/${validator.operatorIds.length} decrypted, ${validator.reconstructedSubsets.length} subsets rebuilt`
        : 'not checked (no --operator-keys-dir)',
    ])
    const lines = [formatTable(['#', 'VALIDATOR', 'NONCE', 'SHARES'], rows)]
    if (report.findings.length > 0)
      lines.push(
        '',
        formatTable(
          ['FINDING', 'VALIDATOR', 'OPERATOR', 'MESSAGE'],
          report.findings.map((finding) => [
            finding.code,
            String(finding.validatorIndex),
            finding.operatorId === undefined ? '-' : String(finding.operatorId),
            finding.message,
          ]),
        ),
      )
    lines.push('', report.valid ? `${file}: valid` : `${file}: ${report.findings.length} finding(s)`)
    io.out(lines.join('\n'))
  }
  return report.valid ? 0 : 1
}
