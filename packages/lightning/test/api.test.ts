import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import {
  type BakedMacaroons,
  bakeMacaroons,
  type LightningRegtest,
  startLightningRegtest,
  tempDir,
} from '@chainops/devnet'
import { type AuthenticatedLnd, authenticatedLndGrpc, pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { createHttpServer } from '../src/api/createHttpServer.ts'
import { type SettleSubscriber, startSettleSubscriber } from '../src/settle/startSettleSubscriber.ts'

const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'

describe('invoice HTTP API (embedded mode) on real lnd @integration', function () {
  this.timeout(180_000)
  let net: LightningRegtest
  let macaroons: BakedMacaroons
  let store: SqliteStore
  let queue: SqliteQueue
  let dir: string
  let server: ReturnType<typeof createHttpServer>
  let subscriber: SettleSubscriber
  let base: string
  const logLines: string[] = []

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-api' })
    const bob = net.nodes.bob
    assert.ok(bob)
    macaroons = await bakeMacaroons(bob)
    const invoiceLnd = authenticatedLndGrpc({
      cert: bob.cert,
      macaroon: macaroons.invoice.reveal(),
      socket: bob.socket,
    }).lnd
    const readLnd = authenticatedLndGrpc({
      cert: bob.cert,
      macaroon: macaroons.readOnly.reveal(),
      socket: bob.socket,
    }).lnd
    dir = await tempDir('ln-api-db')
    store = new SqliteStore({ path: join(dir, 'state.db') })
    queue = new SqliteQueue({ path: join(dir, 'state.db'), name: 'mint' })
    const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) })
    subscriber = startSettleSubscriber({
      lnd: readLnd,
      store,
      queue,
      nodeKey: bob.publicKey,
      sender: SENDER,
      onEvent: (event) => logger.debug('settle', { type: event.type }),
    })
    server = createHttpServer({
      lnd: invoiceLnd,
      liquidityLnd: readLnd,
      store,
      bounds: { minSats: 100n, maxSats: 2_000_000n },
      rate: new Rational(10n ** 10n),
      logger,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(async () => {
    await subscriber?.stop()
    if (server) await new Promise((resolve) => server.close(resolve))
    await store?.close()
    await queue?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    await net?.stop()
  })

  const responses: string[] = []
  async function call(method: string, path: string, body?: string) {
    const response = await fetch(`${base}${path}`, { method, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    responses.push(text)
    return { status: response.status, json: JSON.parse(text) as Record<string, unknown> & { error?: { code: string } } }
  }

  it('POST /invoices returns a payable request; after payment GET /invoices/{hash} shows PAID with the received msat', async () => {
    const created = await call('POST', '/invoices', JSON.stringify({ address: RECIPIENT, sats: '2500', memo: 'api' }))
    assert.equal(created.status, 201)
    assert.deepEqual(Object.keys(created.json).sort(), [
      'address',
      'expiresAt',
      'paymentHash',
      'request',
      'sats',
      'state',
    ])
    assert.equal(created.json.address, RECIPIENT)
    assert.equal(created.json.sats, '2500')
    assert.equal(created.json.state, 'PENDING')
    const hash = created.json.paymentHash as string
    assert.match(hash, /^[0-9a-f]{64}$/)
    const pending = await call('GET', `/invoices/${hash}`)
    assert.equal(pending.status, 200)
    assert.equal(pending.json.state, 'PENDING')

    await pay({ lnd: net.nodes.alice?.lnd as AuthenticatedLnd, request: created.json.request as string })
    let paid = pending
    for (let i = 0; i < 100 && paid.json.state !== 'PAID'; i++) {
      await sleep(100)
      paid = await call('GET', `/invoices/${hash}`)
    }
    assert.equal(paid.json.state, 'PAID')
    assert.equal(paid.json.receivedMsat, '2500000')
    assert.equal(paid.json.mintWei, '25000000000000')
    await subscriber.idle()
    const jobs = await queue.receive({ max: 10 })
    assert.deepEqual(
      jobs.map((job) => job.dedupId),
      [hash],
    )
  })

  const bad: [string, string, string, number, string][] = [
    ['malformed JSON', '/invoices', '{"address":', 400, 'API_INVALID_BODY'],
    ['a missing amount', '/invoices', JSON.stringify({ address: RECIPIENT }), 400, 'API_INVALID_BODY'],
    [
      'a bad checksum',
      '/invoices',
      JSON.stringify({ address: RECIPIENT.replace('fB', 'Fb'), sats: 500 }),
      400,
      'INVOICE_INVALID_ADDRESS',
    ],
    [
      'the zero address',
      '/invoices',
      JSON.stringify({ address: `0x${'0'.repeat(40)}`, sats: 500 }),
      400,
      'INVOICE_ZERO_ADDRESS',
    ],
    [
      'an amount out of bounds',
      '/invoices',
      JSON.stringify({ address: RECIPIENT, sats: 2_000_001 }),
      400,
      'INVOICE_AMOUNT_OUT_OF_BOUNDS',
    ],
    [
      'an amount above the inbound liquidity (bob can receive about 986,000 sats)',
      '/invoices',
      JSON.stringify({ address: RECIPIENT, sats: 1_500_000 }),
      503,
      'INVOICE_INSUFFICIENT_INBOUND',
    ],
  ]
  for (const [name, path, body, status, code] of bad)
    it(`POST ${name} -> ${status} ${code}`, async () => {
      const response = await call('POST', path, body)
      assert.equal(response.status, status)
      assert.equal(response.json.error?.code, code)
    })

  it('unknown routes and methods answer 404 and 405', async () => {
    assert.equal((await call('GET', '/nope')).json.error?.code, 'API_NOT_FOUND')
    assert.equal((await call('PUT', '/invoices')).status, 405)
    assert.equal((await call('GET', `/invoices/${'0'.repeat(64)}`)).status, 404)
  })

  it('no macaroon appears in any API response or log line', () => {
    const bob = net.nodes.bob
    assert.ok(bob)
    assert.ok(responses.length >= 9)
    const text = [...responses, ...logLines].join('\n')
    for (const macaroon of [macaroons.invoice, macaroons.readOnly, bob.macaroon]) {
      assert.equal(text.includes(macaroon.reveal()), false)
      assert.equal(text.includes(Buffer.from(macaroon.reveal(), 'base64').toString('hex')), false)
    }
  })
})
