import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CoreErrorCode } from '../errors/CoreErrorCode.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { type ProbeRpcEndpointsParameters, probeRpcEndpoints, type RpcProbeProgress } from './probeRpcEndpoints.ts'
import type { RpcEndpointDown, RpcEndpointProbe, RpcEndpointUp } from './RpcEndpointProbe.ts'

/** What a test node answers to one JSON-RPC method: a result, or a raw HTTP answer, maybe late. */
type Answer = { result: unknown } | { status: number; body: string } | { never: true } | { reset: true }
type Node = { url: string; connections: number; calls: string[]; close: () => Promise<void> }

const syncingFalse = { result: false }
const head = (n: number): Answer => ({ result: `0x${n.toString(16)}` })

function handler(answers: (method: string, call: number) => Answer | Promise<Answer>, node: Node) {
  return (request: IncomingMessage, response: ServerResponse) => {
    let text = ''
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
    })
    request.on('end', async () => {
      const { id, method } = JSON.parse(text) as { id: number; method: string }
      node.calls.push(method)
      const answer = await answers(method, node.calls.filter((m) => m === method).length)
      if ('never' in answer) return
      if ('reset' in answer) {
        request.socket.destroy()
        return
      }
      if ('status' in answer) {
        response.writeHead(answer.status, { 'content-type': 'text/html' }).end(answer.body)
        return
      }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ jsonrpc: '2.0', id, result: answer.result }))
    })
  }
}

async function listen(server: Server, node: Node, scheme: 'http' | 'https'): Promise<Node> {
  server.on('connection', () => {
    node.connections++
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  node.url = `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}/`
  node.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return node
}

/** A real JSON-RPC server on 127.0.0.1 that answers each method as told and counts its connections. */
function startNode(answers: (method: string, call: number) => Answer | Promise<Answer>): Promise<Node> {
  const node: Node = { url: '', connections: 0, calls: [], close: async () => {} }
  return listen(createServer(handler(answers, node)), node, 'http')
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const up = (endpoint: RpcEndpointProbe | undefined): RpcEndpointUp => {
  assert.equal(endpoint?.status, 'up', endpoint?.status === 'down' ? endpoint.reason.message : 'missing')
  return endpoint as RpcEndpointUp
}
const down = (endpoint: RpcEndpointProbe | undefined): RpcEndpointDown => {
  assert.equal(endpoint?.status, 'down')
  return endpoint as RpcEndpointDown
}

describe('probeRpcEndpoints against local HTTP servers', () => {
  const nodes: Node[] = []
  const start = async (answers: (method: string, call: number) => Answer | Promise<Answer>) => {
    const node = await startNode(answers)
    nodes.push(node)
    return node
  }
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((node) => node.close()))
  })

  it('times N eth_syncing calls over N fresh connections, then one eth_blockNumber, curl-like and in order', async () => {
    const node = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(0x10)))
    const progress: RpcProbeProgress[] = []
    const report = await probeRpcEndpoints({ urls: [node.url], calls: 3, onProgress: (p) => progress.push(p) })
    assert.deepEqual(node.calls, ['eth_syncing', 'eth_syncing', 'eth_syncing', 'eth_blockNumber'])
    // one connection per call: each call paid for its own TCP connect
    assert.equal(node.connections, 4)
    const endpoint = up(report.endpoints[0])
    assert.equal(endpoint.url, node.url)
    assert.equal(endpoint.syncing, false)
    assert.equal(endpoint.head, 16n)
    assert.equal(endpoint.lag, 0n)
    assert.equal(endpoint.samples.length, 3)
    for (const sample of endpoint.samples) {
      // an IP address needs no lookup; every later time includes the earlier ones, as curl's
      assert.equal(sample.dnsMs, 0)
      assert.equal(sample.tlsMs, null)
      assert.ok(sample.connectMs > 0 && sample.connectMs <= sample.firstByteMs, JSON.stringify(sample))
      assert.ok(sample.firstByteMs <= sample.totalMs, JSON.stringify(sample))
    }
    const totals = endpoint.samples.map((s) => s.totalMs).sort((a, b) => a - b)
    assert.equal(endpoint.timings.total.worst, Math.round((totals[2] as number) * 1000) / 1000)
    assert.equal(endpoint.timings.total.median, Math.round((totals[1] as number) * 1000) / 1000)
    assert.equal(endpoint.timings.tls, null)
    assert.deepEqual(
      progress.map((p) => [p.url, p.call, p.calls, 'totalMs' in p.outcome]),
      [1, 2, 3].map((call) => [node.url, call, 3, true]),
    )
    assert.deepEqual(
      { calls: report.calls, timeoutMs: report.timeoutMs, bestHead: report.bestHead, primary: report.primary },
      { calls: 3, timeoutMs: 5000, bestHead: 16n, primary: node.url },
    )
  })

  it('a host name is looked up: dnsMs is above 0 and below connectMs', async () => {
    const node = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(1)))
    const url = node.url.replace('127.0.0.1', 'localhost')
    const endpoint = up((await probeRpcEndpoints({ urls: [url], calls: 2 })).endpoints[0])
    for (const sample of endpoint.samples) {
      assert.ok(sample.dnsMs > 0 && sample.dnsMs <= sample.connectMs, JSON.stringify(sample))
    }
  })

  it('the primary is the up, in-sync endpoint with the smallest lag, then the lowest median total', async () => {
    const slow = await start(async (method) => {
      await delay(40)
      return method === 'eth_syncing' ? syncingFalse : head(100)
    })
    const behind = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(98)))
    const fast = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(100)))
    const report = await probeRpcEndpoints({ urls: [slow.url, behind.url, fast.url], calls: 3 })
    assert.deepEqual(
      report.endpoints.map((e) => [e.url, up(e).head, up(e).lag]),
      [
        [slow.url, 100n, 0n],
        [behind.url, 98n, 2n],
        [fast.url, 100n, 0n],
      ],
    )
    // the slow one waits 40 ms before each answer; the fast one is sub-millisecond here
    assert.ok(up(report.endpoints[0]).timings.firstByte.median >= 40)
    assert.ok(up(report.endpoints[2]).timings.total.median < up(report.endpoints[0]).timings.total.median)
    assert.equal(report.primary, fast.url)
    assert.equal(report.bestHead, 100n)
  })

  it('a syncing node is never primary, though its head sets the lag of the others', async () => {
    const progressAnswer = { result: { startingBlock: '0x0', currentBlock: '0x69', highestBlock: '0x2000' } }
    const syncing = await start((method) => (method === 'eth_syncing' ? progressAnswer : head(0x69)))
    const behind = await start(async (method) => {
      await delay(20)
      return method === 'eth_syncing' ? syncingFalse : head(0x60)
    })
    const further = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(0x5f)))
    const report = await probeRpcEndpoints({ urls: [syncing.url, behind.url, further.url], calls: 1 })
    assert.deepEqual(up(report.endpoints[0]).syncing, { currentBlock: 0x69n, highestBlock: 0x2000n })
    assert.deepEqual(
      report.endpoints.map((e) => up(e).lag),
      [0n, 9n, 10n],
    )
    // the smaller lag wins over the lower median total
    assert.equal(report.primary, behind.url)
  })

  it('no endpoint up and in sync: primary null; all down: bestHead null too', async () => {
    const syncing = await start((method) =>
      method === 'eth_syncing' ? { result: { currentBlock: '0x1', highestBlock: '0x2' } } : head(1),
    )
    const only = await probeRpcEndpoints({ urls: [syncing.url], calls: 1 })
    assert.equal(only.primary, null)
    assert.equal(only.bestHead, 1n)
    const broken = await start(() => ({ status: 503, body: 'unavailable' }))
    const none = await probeRpcEndpoints({ urls: [broken.url], calls: 2 })
    assert.equal(none.primary, null)
    assert.equal(none.bestHead, null)
    assert.equal(down(none.endpoints[0]).reason.code, 'RPC_PROBE_HTTP_STATUS')
  })

  type DownRow = {
    name: string
    answers: (method: string, call: number) => Answer
    code: CoreErrorCode
    message: RegExp
  }
  const downRows: DownRow[] = [
    {
      name: 'an HTML page with status 200',
      answers: () => ({ status: 200, body: '<html>login</html>' }),
      code: 'RPC_PROBE_NOT_JSON',
      message: /eth_syncing on .* did not answer JSON .*HTTP 200, 18 characters, starting "<html>login<\/html>"/s,
    },
    {
      name: 'a 502 from a proxy',
      answers: () => ({ status: 502, body: 'Bad Gateway' }),
      code: 'RPC_PROBE_HTTP_STATUS',
      message: /eth_syncing on .* answered HTTP 502 .*the body starts "Bad Gateway"/s,
    },
    {
      name: 'a JSON-RPC error (method not allowed)',
      answers: () => ({
        status: 200,
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          error: { code: -32601, message: 'the method eth_syncing does not exist' },
        }),
      }),
      code: 'RPC_PROBE_RPC_ERROR',
      message: /answered JSON-RPC error -32601 .*HTTP 200: the method eth_syncing does not exist/s,
    },
    {
      name: 'JSON that answers another id',
      answers: () => ({ status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 7, result: false }) }),
      code: 'RPC_PROBE_NOT_JSON',
      message: /not a JSON-RPC response to it/,
    },
    {
      name: 'a connection closed before the answer',
      answers: () => ({ reset: true }),
      code: 'RPC_PROBE_CONNECT_FAILED',
      message: /eth_syncing on .* failed while waiting for the answer .*ECONNRESET: socket hang up/s,
    },
    {
      name: 'eth_syncing answering a number',
      answers: () => ({ result: 3 }),
      code: 'RPC_PROBE_INVALID_RESULT',
      message: /eth_syncing on .* answered neither false nor a sync progress/,
    },
    {
      name: 'eth_blockNumber answering a decimal string',
      answers: (method) => (method === 'eth_syncing' ? syncingFalse : { result: '12' }),
      code: 'RPC_PROBE_INVALID_RESULT',
      message: /eth_blockNumber on .* did not answer a hex quantity .*got "12"/s,
    },
  ]
  for (const { name, answers, code, message } of downRows) {
    it(`${name}: down with ${code}, beside an up endpoint that becomes primary`, async () => {
      const bad = await start(answers)
      const good = await start((method) => (method === 'eth_syncing' ? syncingFalse : head(5)))
      const report = await probeRpcEndpoints({ urls: [bad.url, good.url], calls: 2 })
      const failed = down(report.endpoints[0])
      assert.equal(failed.url, bad.url)
      assert.equal(failed.reason.code, code)
      assert.ok(isChainopsError(failed.reason, code))
      assert.match(failed.reason.message, message)
      assert.equal(up(report.endpoints[1]).lag, 0n)
      assert.equal(report.primary, good.url)
    })
  }

  it('a closed port is down with RPC_PROBE_REFUSED after one call', async () => {
    const node = await start(() => syncingFalse)
    const url = node.url
    await node.close()
    const progress: RpcProbeProgress[] = []
    const report = await probeRpcEndpoints({ urls: [url], calls: 5, onProgress: (p) => progress.push(p) })
    const failed = down(report.endpoints[0])
    assert.equal(failed.reason.code, 'RPC_PROBE_REFUSED')
    assert.equal(failed.reason.shortMessage, `${url} refused the connection`)
    assert.match(failed.reason.details ?? '', /^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/)
    assert.deepEqual(failed.samples, [])
    assert.equal(progress.length, 1)
  })

  it('a name that cannot resolve (.invalid, RFC 6761) is down with RPC_PROBE_DNS_FAILED', async () => {
    const url = 'http://probe-test.invalid:8545/'
    const failed = down((await probeRpcEndpoints({ urls: [url], calls: 2 })).endpoints[0])
    assert.equal(failed.reason.code, 'RPC_PROBE_DNS_FAILED')
    assert.equal(failed.reason.shortMessage, `probe-test.invalid did not resolve (eth_syncing on ${url})`)
    assert.match(failed.reason.details ?? '', /^(ENOTFOUND|EAI_AGAIN): getaddrinfo \1 probe-test\.invalid$/)
  })

  it('a node that never answers is down with RPC_PROBE_TIMEOUT after timeoutMs, waiting for the answer', async () => {
    const node = await start(() => ({ never: true }))
    const started = performance.now()
    const report = await probeRpcEndpoints({ urls: [node.url], calls: 3, timeoutMs: 150 })
    const failed = down(report.endpoints[0])
    assert.equal(failed.reason.code, 'RPC_PROBE_TIMEOUT')
    assert.equal(failed.reason.shortMessage, `eth_syncing on ${node.url} took longer than 150 ms`)
    assert.equal(failed.reason.details, 'still waiting for the answer after 150 ms')
    // probed no further after the first failure: one call, not three
    assert.deepEqual(node.calls, ['eth_syncing'])
    assert.ok(performance.now() - started < 3 * 150)
  })

  it('a node failing on its third call is down with the two samples before it', async () => {
    const node = await start((_method, call) =>
      call < 3
        ? syncingFalse
        : { status: 200, body: JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: 'busy' } }) },
    )
    const failed = down((await probeRpcEndpoints({ urls: [node.url], calls: 4 })).endpoints[0])
    assert.equal(failed.reason.code, 'RPC_PROBE_RPC_ERROR')
    assert.equal(failed.samples.length, 2)
    assert.deepEqual(node.calls, ['eth_syncing', 'eth_syncing', 'eth_syncing'])
  })

  it('a user:password in a URL is never shown: the report and its reasons say ***@', async () => {
    const node = await start(() => syncingFalse)
    const secretUrl = node.url.replace('://', '://operator:hunter2-secret@')
    await node.close()
    const report = await probeRpcEndpoints({ urls: [secretUrl], calls: 1 })
    const failed = down(report.endpoints[0])
    assert.equal(failed.url, node.url.replace('://', '://***@'))
    const text = `${JSON.stringify(report, (_k, v) => (typeof v === 'bigint' ? String(v) : v))} ${failed.reason.message}`
    assert.ok(!text.includes('hunter2'), text)
    assert.ok(!text.includes('operator'), text)
  })

  type BadRow = { name: string; parameters: unknown; details: string }
  const badRows: BadRow[] = [
    { name: 'no URL', parameters: { urls: [] }, details: 'urls: expected >=1, received array' },
    {
      name: 'an ftp URL',
      parameters: { urls: ['http://127.0.0.1:1/', 'ftp://127.0.0.1/'] },
      details: 'urls.1: expected an http:// or https:// URL, received string',
    },
    {
      name: 'not a URL',
      parameters: { urls: ['127.0.0.1:8545'] },
      details: 'urls.0: expected an http:// or https:// URL, received string',
    },
    {
      name: 'calls 0',
      parameters: { urls: ['http://127.0.0.1:1/'], calls: 0 },
      details: 'calls: expected >=1, received number',
    },
    {
      name: 'calls 1.5',
      parameters: { urls: ['http://127.0.0.1:1/'], calls: 1.5 },
      details: 'calls: expected integer, received number',
    },
    {
      name: 'calls "3"',
      parameters: { urls: ['http://127.0.0.1:1/'], calls: '3' },
      details: 'calls: expected number, received string',
    },
    {
      name: 'timeoutMs 0',
      parameters: { urls: ['http://127.0.0.1:1/'], timeoutMs: 0 },
      details: 'timeoutMs: expected >=1, received number',
    },
    {
      name: 'the same endpoint twice',
      parameters: { urls: ['http://127.0.0.1:1', 'http://127.0.0.1:1/'] },
      details: 'urls.1: the same endpoint as urls.0',
    },
  ]
  for (const { name, parameters, details } of badRows) {
    it(`refuses ${name} with RPC_PROBE_INVALID_INPUT naming the argument`, async () => {
      await assert.rejects(
        probeRpcEndpoints(parameters as ProbeRpcEndpointsParameters),
        (error: unknown) =>
          isChainopsError(error, 'RPC_PROBE_INVALID_INPUT') &&
          error.name === 'RpcProbeError' &&
          error.shortMessage === 'Invalid probeRpcEndpoints parameters' &&
          error.details === details,
      )
    })
  }
})

describe('probeRpcEndpoints over https with a self-signed certificate', () => {
  let dir: string
  let cert: string
  let node: Node
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rpc-probe-tls-'))
    // a throwaway certificate for 127.0.0.1, made by the system's openssl
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ].concat([
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    )
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
  })
  beforeEach(async () => {
    const answers = (method: string): Answer => (method === 'eth_syncing' ? syncingFalse : head(7))
    const shell: Node = { url: '', connections: 0, calls: [], close: async () => {} }
    const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert }, handler(answers, shell))
    node = await listen(server, shell, 'https')
  })
  afterEach(async () => {
    await node.close()
  })
  after(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('with the certificate as ca: up, and each call times its own handshake between connect and first byte', async () => {
    const endpoint = up((await probeRpcEndpoints({ urls: [node.url], calls: 3, ca: cert })).endpoints[0])
    assert.equal(endpoint.head, 7n)
    assert.equal(node.connections, 4)
    for (const sample of endpoint.samples) {
      const tls = sample.tlsMs as number
      assert.ok(sample.connectMs < tls && tls <= sample.firstByteMs, JSON.stringify(sample))
    }
    assert.ok(endpoint.timings.tls !== null && endpoint.timings.tls.median > endpoint.timings.connect.median)
  })

  it('without it: down with RPC_PROBE_TLS_FAILED naming the self-signed certificate', async () => {
    const failed = down((await probeRpcEndpoints({ urls: [node.url], calls: 3 })).endpoints[0])
    assert.equal(failed.reason.code, 'RPC_PROBE_TLS_FAILED')
    assert.equal(failed.reason.shortMessage, `the TLS handshake with ${node.url} failed`)
    assert.match(failed.reason.details ?? '', /^DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate\b/)
  })
})
