import {
  isChainopsError,
  type ProbeRpcEndpointsReturnType,
  probeRpcEndpoints,
  type RpcTimingSummary,
} from '@chainops/core'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { stringFlag } from '../../flags/stringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { toJsonText } from '../../output/toJsonText.ts'

const hideUserinfo = (text: string) => text.replace(/\/\/[^/@]*@/, '//***@')
const ms = (summary: RpcTimingSummary | null | undefined) =>
  summary ? `${summary.median.toFixed(2)}/${summary.worst.toFixed(2)}` : '-'

/** What `chainops rpc probe` does once its flags are parsed; loaded only when that command runs. */
export async function runRpcProbe({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length === 0) throw usageError('URL is required (one or more http:// or https:// endpoints)')
  for (const [index, text] of positionals.entries()) {
    const protocol = URL.canParse(text) ? new URL(text).protocol : undefined
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw usageError(`URL ${index + 1} ("${hideUserinfo(text)}") is not an http:// or https:// URL`)
    }
  }
  const calls = integerFlag(values.calls, 'calls', 5, { min: 1, max: 1000 }) as number
  const timeoutMs = integerFlag(values['timeout-ms'], 'timeout-ms', 5000, { min: 1, max: 600_000 }) as number
  const cacert = stringFlag(values.cacert)
  const ca = cacert === undefined ? undefined : readTextFile(cacert, '--cacert')
  io.progress(`rpc probe: ${calls} timed call(s) to each of ${positionals.length} endpoint(s), one at a time`)
  let report: ProbeRpcEndpointsReturnType
  try {
    report = await probeRpcEndpoints({
      urls: positionals,
      calls,
      timeoutMs,
      ca,
      onProgress: ({ url, call, outcome }) => {
        if (!('totalMs' in outcome)) io.progress(`rpc probe: ${url} down at call ${call}: ${outcome.shortMessage}`)
        else if (call === calls) io.progress(`rpc probe: ${url} answered ${calls} call(s)`)
      },
    })
  } catch (error) {
    // the URLs and numbers are checked above; what is left here (the same endpoint twice) is usage too
    if (isChainopsError(error, 'RPC_PROBE_INVALID_INPUT')) {
      const details = (error.details ?? error.shortMessage).replace(/urls\.(\d+)/g, (_, n) => `URL ${Number(n) + 1}`)
      throw usageError(details, { cause: error })
    }
    throw error
  }
  const failing = report.endpoints.some((e) => e.status === 'down') || report.primary === null
  if (values.json) {
    io.out(toJsonText(report))
    return failing ? 1 : 0
  }
  io.out(
    formatTable(
      ['URL', 'STATUS', 'SYNCING', 'HEAD', 'LAG', 'DNS', 'CONNECT', 'TLS', 'FIRST BYTE', 'TOTAL'],
      report.endpoints.map((e) =>
        e.status === 'down'
          ? [e.url, 'down', '-', '-', '-', '-', '-', '-', '-', '-']
          : [
              e.url,
              'up',
              e.syncing === false ? 'no' : `${e.syncing.currentBlock}/${e.syncing.highestBlock}`,
              String(e.head),
              String(e.lag),
              ms(e.timings.dns),
              ms(e.timings.connect),
              ms(e.timings.tls),
              ms(e.timings.firstByte),
              ms(e.timings.total),
            ],
      ),
    ),
  )
  io.out(`times in ms, median/worst of ${calls} call(s), each from the start of its call`)
  for (const e of report.endpoints) {
    if (e.status !== 'down') continue
    // every shortMessage names the endpoint
    io.out(`down: ${e.reason.shortMessage} [${e.reason.code}]`)
    if (e.reason.details) io.out(`  ${e.reason.details}`)
  }
  io.out(
    report.primary === null
      ? 'primary: none (no endpoint is up and in sync)'
      : `primary: ${report.primary} (up and in sync, the smallest lag, then the lowest median total)`,
  )
  return failing ? 1 : 0
}
