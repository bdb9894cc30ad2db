import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Rational, SqliteQueue, SqliteStore } from '@chainops/core'
import { bakeMacaroons, type LightningRegtest, startLightningRegtest, tempDir } from '@chainops/devnet'
import { apiGatewayEvent } from '@chainops/testkit'
import { type AuthenticatedLnd, authenticatedLndGrpc, pay } from 'lightning'
import { after, before, describe, it } from 'mocha'
import { createInvoiceApiHandler, type InvoiceApiHandler } from '../src/lambda/createInvoiceApiHandler.ts'
import { reconcileSettled } from '../src/settle/reconcileSettled.ts'

const SENDER = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'

describe('API Gateway invoice handler on real lnd @integration', function () {
  this.timeout(180_000)
  let net: LightningRegtest
  let store: SqliteStore
  let queue: SqliteQueue
  let dir: string
  let handler: InvoiceApiHandler
  let readLnd: AuthenticatedLnd
  let macaroonTexts: string[]

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-lambda' })
    const bob = net.nodes.bob
    assert.ok(bob)
    const macaroons = await bakeMacaroons(bob)
    macaroonTexts = [macaroons.invoice, macaroons.readOnly, bob.macaroon].flatMap((m) => [
      m.reveal(),
      Buffer.from(m.reveal(), 'base64').toString('hex'),
    ])
    readLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.readOnly.reveal(), socket: bob.socket }).lnd
    dir = await tempDir('ln-lambda-db')
    store = new SqliteStore({ path: join(dir, 'state.db') })
    queue = new SqliteQueue({ path: join(dir, 'state.db'), name: 'mint' })
    // As at a cold start: the dependencies (macaroons from a secret source) resolve once.
    handler = createInvoiceApiHandler(
      Promise.resolve({
        lnd: authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.invoice.reveal(), socket: bob.socket }).lnd,
        liquidityLnd: readLnd,
        store,
        bounds: { minSats: 100n, maxSats: 100_000n },
        rate: new Rational(10n ** 10n),
      }),
    )
  })
  after(async () => {
    await store?.close()
    await queue?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    await net?.stop()
  })

  it('POST /invoices creates the invoice and GET /invoices/{hash} follows it to PAID, through the stage prefix', async () => {
    const created = await handler(
      apiGatewayEvent({
        method: 'POST',
        rawPath: '/prod/invoices',
        body: JSON.stringify({ address: RECIPIENT, sats: 3_000 }),
        stage: 'prod',
      }),
    )
    assert.equal(created.statusCode, 201)
    const body = JSON.parse(created.body as string) as { paymentHash: string; request: string; state: string }
    assert.equal(body.state, 'PENDING')
    await pay({ lnd: net.nodes.alice?.lnd as AuthenticatedLnd, request: body.request })
    // In AWS the subscriber runs beside lnd; here the reconciler stands in for it.
    await reconcileSettled({ lnd: readLnd, store, queue, nodeKey: net.nodes.bob?.publicKey as string, sender: SENDER })
    const status = await handler(
      apiGatewayEvent({ method: 'GET', rawPath: `/prod/invoices/${body.paymentHash}`, stage: 'prod' }),
    )
    assert.equal(status.statusCode, 200)
    const paid = JSON.parse(status.body as string) as Record<string, string>
    assert.equal(paid.state, 'PAID')
    assert.equal(paid.receivedMsat, '3000000')
    for (const text of macaroonTexts) {
      assert.equal((created.body as string).includes(text), false)
      assert.equal((status.body as string).includes(text), false)
    }
    assert.equal((await queue.receive({ max: 10 })).length, 1)
  })

  it('answers a malformed body with 400 API_INVALID_BODY and an unknown route with 404', async () => {
    const malformed = await handler(
      apiGatewayEvent({ method: 'POST', rawPath: '/prod/invoices', body: 'sats=5', stage: 'prod' }),
    )
    assert.equal(malformed.statusCode, 400)
    assert.equal(JSON.parse(malformed.body as string).error.code, 'API_INVALID_BODY')
    const unknown = await handler(apiGatewayEvent({ method: 'GET', rawPath: '/prod/elsewhere', stage: 'prod' }))
    assert.equal(unknown.statusCode, 404)
  })
})
