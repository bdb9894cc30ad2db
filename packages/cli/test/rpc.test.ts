import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { chainops } from './support/chainops.ts'
import { cli } from './support/cli.ts'

type Summary = { median: number; worst: number }
type ProbeJson = {
  calls: number
  timeoutMs: number
  bestHead: string | null
  primary: string | null
  endpoints: Array<
    | {
        url: string
        status: 'up'
        syncing: false | { currentBlock: string; highestBlock: string }
        head: string
        lag: string
        timings: Record<'dns' | 'connect' | 'firstByte' | 'total', Summary> & { tls: Summary | null }
        samples: Array<{ dnsMs: number; connectMs: number; tlsMs: number | null; firstByteMs: number; totalMs: number }>
      }
    | { url: string; status: 'down'; reason: { name: string; code: string; shortMessage: string; details: string } }
  >
}

/** A local JSON-RPC node answering eth_syncing and eth_blockNumber (in sync at `head`), maybe late. */
async function startNode(
  head: number,
  delayMs = 0,
  tls?: { key: Buffer; cert: string },
): Promise<{ url: string; server: Server }> {
  const listener: RequestListener = (request, response) => {
    let text = ''
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
    })
    request.on('end', () => {
      const { id, method } = JSON.parse(text) as { id: number; method: string }
      const result = method === 'eth_syncing' ? false : `0x${head.toString(16)}`
      setTimeout(() => response.end(JSON.stringify({ jsonrpc: '2.0', id, result })), delayMs)
    })
  }
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

describe('chainops rpc probe (in process, local JSON-RPC servers)', () => {
  const servers: Server[] = []
  after(async () => {
    for (const server of servers) server.closeAllConnections()
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  })

  it('prints a table of median/worst times, heads and lags, and names the primary; exit 0 when all are up', async () => {
    const slow = await startNode(42, 30)
    const fast = await startNode(42)
    const behind = await startNode(40)
    servers.push(slow.server, fast.server, behind.server)
    const result = await cli(['rpc', 'probe', slow.url, fast.url, behind.url, '--calls', '2'])
    assert.equal(result.code, 0, result.stderr)
    const lines = result.stdout.split('\n')
    assert.match(lines[0] ?? '', /^URL +STATUS +SYNCING +HEAD +LAG +DNS +CONNECT +TLS +FIRST BYTE +TOTAL$/)
    const row = (url: string) => lines.find((line) => line.startsWith(url)) ?? ''
    assert.match(
      row(slow.url),
      /^\S+ +up +no +42 +0 +0\.00\/0\.00 +\d+\.\d\d\/\d+\.\d\d +- +(\d+\.\d\d)\/\d+\.\d\d +\d+\.\d\d\/\d+\.\d\d$/,
    )
    assert.match(row(behind.url), /^\S+ +up +no +40 +2 +/)
    assert.equal(lines.at(-2), 'times in ms, median/worst of 2 call(s), each from the start of its call')
    assert.equal(lines.at(-1), `primary: ${fast.url} (up and in sync, the smallest lag, then the lowest median total)`)
    assert.match(result.stderr, /^rpc probe: 2 timed call\(s\) to each of 3 endpoint\(s\), one at a time$/m)
    assert.match(result.stderr, new RegExp(`^rpc probe: ${behind.url} answered 2 call\\(s\\)$`, 'm'))
  })

  it('a closed port: the down line with its reason, exit 1, the others still measured', async () => {
    const node = await startNode(9)
    servers.push(node.server)
    const closed = `http://127.0.0.1:${await freePort()}/`
    const result = await cli(['rpc', 'probe', closed, node.url, '--calls', '3'])
    assert.equal(result.code, 1)
    assert.match(result.stdout, new RegExp(`^${closed} +down +- +- +- +- +- +- +- +-$`, 'm'))
    assert.match(
      result.stdout,
      new RegExp(
        `^down: ${closed} refused the connection \\[RPC_PROBE_REFUSED\\]\n  ECONNREFUSED: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+$`,
        'm',
      ),
    )
    assert.match(result.stdout, new RegExp(`^primary: ${node.url} `, 'm'))
    assert.match(
      result.stderr,
      new RegExp(`^rpc probe: ${closed} down at call 1: ${closed} refused the connection$`, 'm'),
    )
  })

  const usage: [string, string[], RegExp][] = [
    ['no URL', [], /URL is required/],
    [
      'an ws:// URL',
      ['http://127.0.0.1:1/', 'ws://127.0.0.1:8546'],
      /URL 2 \("ws:\/\/127\.0\.0\.1:8546"\) is not an http:\/\/ or https:\/\/ URL/,
    ],
    ['a URL with a password, not echoed', ['ftp://me:pw1234@host/'], /URL 1 \("ftp:\/\/\*\*\*@host\/"\) is not/],
    ['--calls 0', ['http://127.0.0.1:1/', '--calls', '0'], /--calls must be a whole number from 1 to 1000, got "0"/],
    [
      '--timeout-ms 1.5',
      ['http://127.0.0.1:1/', '--timeout-ms', '1.5'],
      /--timeout-ms must be a whole number from 1 to 600000, got "1\.5"/,
    ],
    ['the same URL twice', ['http://127.0.0.1:1', 'http://127.0.0.1:1/'], /URL 2: the same endpoint as URL 1/],
  ]
  for (const [name, args, message] of usage) {
    it(`${name}: exit 2 with the usage`, async () => {
      const result = await cli(['rpc', 'probe', ...args])
      assert.equal(result.code, 2)
      assert.match(result.stderr, message)
      assert.ok(!result.stderr.includes('pw1234'))
      assert.match(result.stderr, /Usage: chainops rpc probe URL\.\.\./)
      assert.equal(result.stdout, '')
    })
  }

  it('https: --cacert trusts a self-signed certificate and the TLS column is timed; without it, TLS_FAILED', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-rpc-probe-tls-'))
    try {
      const [keyPath, certPath] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
      // a throwaway certificate for 127.0.0.1, made by the system's openssl
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'].concat([
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          keyPath,
          '-out',
          certPath,
        ]),
        { stdio: 'ignore' },
      )
      const node = await startNode(3, 0, { key: readFileSync(keyPath), cert: readFileSync(certPath, 'utf8') })
      servers.push(node.server)
      const trusted = await cli(['rpc', 'probe', node.url, '--calls', '2', '--cacert', certPath])
      assert.equal(trusted.code, 0, trusted.stderr)
      assert.match(
        trusted.stdout,
        new RegExp(
          `^${node.url} +up +no +3 +0 +0\\.00/0\\.00 +\\d+\\.\\d\\d/\\d+\\.\\d\\d +\\d+\\.\\d\\d/\\d+\\.\\d\\d `,
          'm',
        ),
      )
      const untrusted = await cli(['rpc', 'probe', node.url, '--calls', '2'])
      assert.equal(untrusted.code, 1)
      assert.match(
        untrusted.stdout,
        new RegExp(
          `^down: the TLS handshake with ${node.url} failed \\[RPC_PROBE_TLS_FAILED\\]\n  DEPTH_ZERO_SELF_SIGNED_CERT: `,
          'm',
        ),
      )
      assert.match(untrusted.stdout, /^primary: none \(no endpoint is up and in sync\)$/m)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('--cacert naming a missing file: exit 1 with CLI_FILE_UNREADABLE', async () => {
    const result = await cli(['rpc', 'probe', 'https://127.0.0.1:1/', '--cacert', '/nonexistent/ca.pem'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /cannot read the --cacert file \/nonexistent\/ca\.pem \[CLI_FILE_UNREADABLE\]/)
  })
})

describe('chainops rpc probe against a geth Clique devnet: the RPC node, a sealer and a closed port @integration', () => {
  let net: GethCliqueNetwork
  let rpcUrl: string
  let sealerUrl: string

  async function blockNumber(url: string): Promise<bigint> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
    })
    return BigInt(((await response.json()) as { result: string }).result)
  }

  before(async () => {
    net = await startGethClique({ sealers: 1, period: 1, label: 'cli-rpc-probe' })
    rpcUrl = new URL(net.rpc?.rpcUrl as string).href
    sealerUrl = new URL(net.sealers[0]?.rpcUrl as string).href
    // the RPC node has imported a few sealed blocks: both are past genesis and in step
    await pollUntil({
      description: 'block 3 on the RPC node',
      condition: async () => (await blockNumber(rpcUrl)) >= 3n,
    })
  })
  after(async () => {
    await net?.stop()
  })

  it('--json: both nodes up and in sync with the heads eth_blockNumber reads, the closed port down (REFUSED), exit 1', async () => {
    const closed = `http://127.0.0.1:${await freePort()}/`
    const before = [await blockNumber(rpcUrl), await blockNumber(sealerUrl)]
    const result = await chainops(['rpc', 'probe', rpcUrl, sealerUrl, closed, '--calls', '3', '--json'])
    const after = [await blockNumber(rpcUrl), await blockNumber(sealerUrl)]
    assert.equal(result.code, 1, result.stderr)
    const report = JSON.parse(result.stdout) as ProbeJson
    assert.equal(report.calls, 3)
    assert.deepEqual(
      report.endpoints.map((e) => [e.url, e.status]),
      [
        [rpcUrl, 'up'],
        [sealerUrl, 'up'],
        [closed, 'down'],
      ],
    )
    const ups = report.endpoints.flatMap((e) => (e.status === 'up' ? [e] : []))
    for (const [i, endpoint] of ups.entries()) {
      // read at the probe's end: at least the head before it, at most the one after it
      const head = BigInt(endpoint.head)
      assert.ok(
        (before[i] as bigint) <= head && head <= (after[i] as bigint),
        `${endpoint.url}: ${before[i]} <= ${head} <= ${after[i]}`,
      )
      assert.equal(endpoint.syncing, false)
      assert.equal(endpoint.samples.length, 3)
      assert.equal(endpoint.timings.tls, null)
      for (const s of endpoint.samples) {
        assert.equal(s.dnsMs, 0)
        assert.ok(0 < s.connectMs && s.connectMs <= s.firstByteMs && s.firstByteMs <= s.totalMs, JSON.stringify(s))
      }
    }
    const heads = ups.map((e) => BigInt(e.head))
    const bestHead = [...heads].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).at(-1) as bigint
    assert.equal(report.bestHead, String(bestHead))
    assert.deepEqual(
      ups.map((e) => BigInt(e.lag)),
      heads.map((h) => bestHead - h),
    )
    // one sealer, period 1 s, heads read together: at most the block sealed while the RPC node imports it
    for (const e of ups) assert.ok(BigInt(e.lag) <= 1n, `${e.url} lag ${e.lag}`)
    const down = report.endpoints[2]
    assert.ok(down?.status === 'down')
    assert.deepEqual([down.reason.name, down.reason.code], ['RpcProbeError', 'RPC_PROBE_REFUSED'])
    assert.equal(down.reason.shortMessage, `${closed} refused the connection`)
    assert.match(down.reason.details, /^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/)
    // the rule, recomputed: the smallest lag, then the lowest median total
    const expected = [...ups].sort(
      (a, b) => Number(BigInt(a.lag) - BigInt(b.lag)) || a.timings.total.median - b.timings.total.median,
    )[0]
    assert.ok(report.primary === rpcUrl || report.primary === sealerUrl)
    assert.equal(report.primary, expected?.url)
  })

  it('the two nodes alone: a table, the primary one of them, exit 0', async () => {
    const result = await chainops(['rpc', 'probe', sealerUrl, rpcUrl, '--calls', '2'])
    assert.equal(result.code, 0, result.stderr)
    const lines = result.stdout.split('\n')
    for (const url of [sealerUrl, rpcUrl]) {
      assert.match(lines.find((line) => line.startsWith(url)) ?? '', /^\S+ +up +no +\d+ +[01] +0\.00\/0\.00 /)
    }
    assert.match(lines.at(-2) ?? '', /^primary: http:\/\/127\.0\.0\.1:\d+\/ \(up and in sync/)
    const primary = /^primary: (\S+) /.exec(lines.at(-2) ?? '')?.[1]
    assert.ok(primary === sealerUrl || primary === rpcUrl, primary)
  })
})
