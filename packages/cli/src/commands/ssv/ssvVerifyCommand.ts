import { verifyShares } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { readOperatorKeysDir } from './readOperatorKeysDir.ts'

export const ssvVerifyCommand: Command = {
  path: ['ssv', 'verify'],
  summary: 'check a keyshares file off-chain (and, with operator private keys, that the shares rebuild the key)',
  usage: 'chainops ssv verify FILE [--operator-keys-dir DIR] [--json]',
  options: {
    'operator-keys-dir': {
      type: 'string',
      value: 'DIR',
      description: 'operator RSA private keys, one PEM per operator named <operator id>.pem',
      default: 'none: structure and signatures only',
    },
    json: { type: 'boolean', description: 'print { valid, validators, findings } as JSON' },
  },
  help: [
    'Nothing on-chain checks shares, and bad ones burn the owner nonce. Checked: operator ids (count, sorted,',
    'unique, payload = data), operator keys, sharesData length, the owner:nonce signature, consecutive nonces and',
    'one cluster in a bulk file. With --operator-keys-dir: each share decrypts to the key of its share public key',
    'and threshold subsets reconstruct the validator key. Exit 0 valid, 1 findings, 2 bad usage.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
