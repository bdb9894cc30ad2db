import { SsvSharesError } from './SsvSharesError.ts'
import { type VerifySharesParameters, type VerifySharesReturnType, verifyShares } from './verifyShares.ts'

/**
 * {@link verifyShares}, throwing `SSV_SHARES_INVALID` (with every finding in its details) instead
 * of returning findings: for code that must not go on with a bad file, e.g. before a registration.
 */
export function assertValidShares(
  keySharesFile: unknown,
  parameters: VerifySharesParameters = {},
): VerifySharesReturnType {
  const report = verifyShares(keySharesFile, parameters)
  const first = report.findings[0]
  if (first)
    throw new SsvSharesError({
      code: 'SSV_SHARES_INVALID',
      shortMessage: `keyshares file: ${first.message} [${first.code}]`,
      details: report.findings.map((finding) => `${finding.code}: ${finding.message}`).join('; '),
    })
  return report
}
