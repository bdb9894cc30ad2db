import { isChainopsError } from '@chainops/core'
import type { CommandIo } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

/**
 * Runs a verification and prints its outcome: exit 0 valid, 1 invalid with the SDK's code and
 * message (an unreadable file too), as text or `--json` `{ file, valid, ..., error? }`.
 */
export async function obolVerifyResult(
  file: string,
  what: string,
  json: boolean,
  io: CommandIo,
  check: () => Promise<Record<string, unknown>>,
): Promise<number> {
  try {
    const result = await check()
    if (json) io.out(toJsonText({ file, valid: true, ...result }))
    else
      io.out(
        `${file}: ${what} valid\n${Object.entries(result)
          .map(([key, value]) => `${key.padEnd(15)} ${String(value)}`)
          .join('\n')}`,
      )
    return 0
  } catch (error) {
    if (!isChainopsError(error)) throw error
    if (json)
      io.out(
        toJsonText({
          file,
          valid: false,
          error: { code: error.code, message: error.shortMessage, details: error.details },
        }),
      )
    else
      io.out(
        `${file}: ${what} INVALID\n${error.code}: ${error.shortMessage}${error.details ? `\n${error.details}` : ''}`,
      )
    return 1
  }
}
