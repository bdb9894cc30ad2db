import { execFile } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The venv scripts/setup.sh makes at the workspace root (cfn-lint pinned there beside moto). */
const cfnLint = fileURLToPath(new URL('../../../../.venv/bin/cfn-lint', import.meta.url))

/** One finding of `cfn-lint --format json`. */
export type CfnLintFinding = {
  Level: 'Error' | 'Warning' | 'Informational'
  Message: string
  Rule: { Id: string }
  Location: { Path: (string | number)[] }
}

/**
 * Runs the venv's cfn-lint on a template for one region. Its exit code is a bit mask: 2 errors,
 * 4 warnings, 8 informational findings (0: none; 1: cfn-lint itself failed).
 */
export async function runCfnLint(
  templateFile: string,
  options: { region: string },
): Promise<{ exitCode: number; findings: CfnLintFinding[]; stderr: string }> {
  accessSync(cfnLint, constants.X_OK)
  return new Promise((resolve, reject) => {
    execFile(
      cfnLint,
      ['--format', 'json', '--regions', options.region, '--', templateFile],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        if (exitCode < 0 || exitCode === 1) {
          reject(new Error(`cfn-lint failed (${error?.message}): ${stderr}`))
          return
        }
        resolve({ exitCode, findings: JSON.parse(stdout || '[]') as CfnLintFinding[], stderr })
      },
    )
  })
}
