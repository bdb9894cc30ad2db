import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Rational, SqliteStore } from '@chainops/core'
import {
  type BakedMacaroons,
  bakeMacaroons,
  freePort,
  type LightningRegtest,
  startLightningRegtest,
  tempDir,
} from '@chainops/devnet'
import {
  type AuthenticatedLnd,
  authenticatedLndGrpc,
  createInvoice as createLndInvoice,
  decodePaymentRequest,
  getChannels,
  getInvoice,
  pay,
} from 'lightning'
import { after, before, describe, it } from 'mocha'
import { LightningError } from '../src/errors/LightningError.ts'
import { createInvoice } from '../src/invoices/createInvoice.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { getLiquidity } from '../src/liquidity/getLiquidity.ts'

const RECIPIENT = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'
const RATE = new Rational(10n ** 10n)
const BOUNDS = { minSats: 10n, maxSats: 5_000_000n }

describe('createInvoice, getLiquidity and least-privilege macaroons on real lnd @integration', function () {
  this.timeout(180_000)
  let net: LightningRegtest
  let macaroons: BakedMacaroons
  let invoiceLnd: AuthenticatedLnd
  let readLnd: AuthenticatedLnd
  let store: SqliteStore
  let dir: string

  before(async () => {
    net = await startLightningRegtest({ label: 'ln-invoices' })
    const bob = net.nodes.bob
    assert.ok(bob)
    macaroons = await bakeMacaroons(bob)
    invoiceLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.invoice.reveal(), socket: bob.socket }).lnd
    readLnd = authenticatedLndGrpc({ cert: bob.cert, macaroon: macaroons.readOnly.reveal(), socket: bob.socket }).lnd
    dir = await tempDir('ln-invoices-db')
    store = new SqliteStore({ path: join(dir, 'state.db') })
  })
  after(async () => {
    await store?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
    await net?.stop()
  })

  it('writes the PENDING record (hash, checksummed address, sats, rate, request, expiry) for the request it returns', async () => {
    const clock = new Date(Math.floor(Date.now() / 1000) * 1000)
    const created = await createInvoice({
      lnd: invoiceLnd,
      liquidityLnd: readLnd,
      store,
      address: RECIPIENT.toLowerCase(),
      sats: 12_345n,
      memo: 'mint 12345 sats',
      expirySeconds: 600,
      bounds: BOUNDS,
      rate: RATE,
      now: () => clock,
    })
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, created.paymentHash)
    assert.equal(stored?.version, 1)
    assert.deepEqual(stored?.value, {
      paymentHash: created.paymentHash,
      address: RECIPIENT,
      requestedSats: '12345',
      rate: '10000000000/1',
      request: created.request,
      memo: 'mint 12345 sats',
      expiresAt: new Date(clock.getTime() + 600_000).toISOString(),
      createdAt: clock.toISOString(),
      state: 'PENDING',
    })
    const decoded = await decodePaymentRequest({ lnd: readLnd, request: created.request })
    assert.equal(decoded.id, created.paymentHash)
    assert.equal(decoded.tokens, 12_345)
    assert.equal(decoded.description, 'mint 12345 sats')
    assert.equal(decoded.destination, net.nodes.bob?.publicKey)
    assert.ok(Math.abs(Date.parse(decoded.expires_at) - (clock.getTime() + 600_000)) <= 2_000)
  })

  it('getLiquidity reports inbound and outbound above the reserves of the active channels', async () => {
    const { channels } = await getChannels({ lnd: readLnd, is_active: true })
    assert.equal(channels.length, 1)
    const [channel] = channels
    assert.ok(channel)
    const liquidity = await getLiquidity({ lnd: readLnd })
    assert.deepEqual(liquidity, {
      inboundSats: BigInt(channel.remote_balance - channel.remote_reserve),
      outboundSats: BigInt(Math.max(0, channel.local_balance - channel.local_reserve)),
      activeChannels: 1,
    })
    // bob only received the 1,000,000 sat channel alice opened: everything is inbound.
    assert.ok(liquidity.inboundSats > 900_000n && liquidity.inboundSats < 1_000_000n)
  })

  it('refuses an amount above the inbound liquidity less the margin with INVOICE_INSUFFICIENT_INBOUND, creating nothing', async () => {
    const { inboundSats } = await getLiquidity({ lnd: readLnd })
    const before = (await store.list(INVOICES_TABLE)).records.length
    const receivable = (inboundSats * 990_000n) / 1_000_000n
    const error = await createInvoice({
      lnd: invoiceLnd,
      liquidityLnd: readLnd,
      store,
      address: RECIPIENT,
      sats: receivable + 1n,
      bounds: BOUNDS,
      rate: RATE,
    }).catch((e: unknown) => e)
    assert.ok(error instanceof LightningError)
    assert.equal(error.code, 'INVOICE_INSUFFICIENT_INBOUND')
    assert.equal((await store.list(INVOICES_TABLE)).records.length, before)
    // exactly at the limit is accepted
    const ok = await createInvoice({
      lnd: invoiceLnd,
      liquidityLnd: readLnd,
      store,
      address: RECIPIENT,
      sats: receivable,
      bounds: BOUNDS,
      rate: RATE,
    })
    assert.equal(ok.sats, receivable)
  })

  const badInputs: [string, unknown, unknown, string][] = [
    ['a bad checksum', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A', 100n, 'INVOICE_INVALID_ADDRESS'],
    ['the zero address', '0x0000000000000000000000000000000000000000', 100n, 'INVOICE_ZERO_ADDRESS'],
    ['an amount below the bounds', RECIPIENT, 9n, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
    ['an amount above the bounds', RECIPIENT, 5_000_001n, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
  ]
  for (const [name, address, sats, code] of badInputs)
    it(`refuses ${name} with ${code} before lnd creates anything`, async () => {
      const before = (await store.list(INVOICES_TABLE)).records.length
      await assert.rejects(
        createInvoice({ lnd: invoiceLnd, liquidityLnd: readLnd, store, address, sats, bounds: BOUNDS, rate: RATE }),
        (error: unknown) => error instanceof LightningError && error.code === code,
      )
      assert.equal((await store.list(INVOICES_TABLE)).records.length, before)
    })

  it('the invoice macaroon creates and reads invoices but cannot pay or see channels', async () => {
    const own = await createLndInvoice({ lnd: invoiceLnd, tokens: 100 })
    assert.equal((await getInvoice({ lnd: invoiceLnd, id: own.id })).tokens, 100)
    const alicesInvoice = await createLndInvoice({ lnd: net.nodes.alice?.lnd as AuthenticatedLnd, tokens: 100 })
    await assert.rejects(pay({ lnd: invoiceLnd, request: alicesInvoice.request }), (error: unknown) =>
      JSON.stringify(error).includes('permission denied'),
    )
    await assert.rejects(getChannels({ lnd: invoiceLnd }), (error: unknown) =>
      JSON.stringify(error).includes('permission denied'),
    )
  })

  it('the read-only macaroon reads invoices and channels but cannot create an invoice or pay', async () => {
    await assert.rejects(createLndInvoice({ lnd: readLnd, tokens: 100 }), (error: unknown) =>
      JSON.stringify(error).includes('permission denied'),
    )
    const alicesInvoice = await createLndInvoice({ lnd: net.nodes.alice?.lnd as AuthenticatedLnd, tokens: 100 })
    await assert.rejects(pay({ lnd: readLnd, request: alicesInvoice.request }), (error: unknown) =>
      JSON.stringify(error).includes('permission denied'),
    )
    // createInvoice with the read-only macaroon fails as LND_REQUEST_FAILED, never echoing the macaroon
    const error = await createInvoice({
      lnd: readLnd,
      store,
      address: RECIPIENT,
      sats: 100n,
      bounds: BOUNDS,
      rate: RATE,
    }).catch((e: unknown) => e)
    assert.ok(error instanceof LightningError)
    assert.equal(error.code, 'LND_REQUEST_FAILED')
    assert.equal(error.details, '503 AddInvoiceError (grpc 2): permission denied')
  })

  it('lnd unreachable: createInvoice retries with backoff, then fails with LND_UNREACHABLE without a record or the macaroon', async () => {
    const bob = net.nodes.bob
    assert.ok(bob)
    const dead = authenticatedLndGrpc({
      cert: bob.cert,
      macaroon: macaroons.invoice.reveal(),
      socket: `127.0.0.1:${await freePort()}`,
    }).lnd
    const before = (await store.list(INVOICES_TABLE)).records.length
    const started = Date.now()
    const error = await createInvoice({
      lnd: dead,
      store,
      address: RECIPIENT,
      sats: 100n,
      bounds: BOUNDS,
      rate: RATE,
      retry: { attempts: 3, initialDelayMs: 100 },
    }).catch((e: unknown) => e)
    assert.ok(error instanceof LightningError)
    assert.equal(error.code, 'LND_UNREACHABLE')
    assert.ok(Date.now() - started >= 300, 'waited 100 + 200 ms between the three attempts')
    assert.equal((await store.list(INVOICES_TABLE)).records.length, before)
    const text = `${error.message}${JSON.stringify(error)}`
    assert.equal(text.includes(macaroons.invoice.reveal()), false)
    assert.equal(text.includes(Buffer.from(macaroons.invoice.reveal(), 'base64').toString('hex')), false)
  })
})
