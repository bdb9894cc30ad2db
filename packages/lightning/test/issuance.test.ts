import assert from 'node:assert/strict'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import {
  createLogger,
  isChainopsError,
  type Queue,
  Rational,
  Secret,
  SqliteQueue,
  SqliteStore,
  type Store,
} from '@chainops/core'
import type { GethCliqueNetwork, LightningRegtest, MotoServer } from '@chainops/devnet'
import { apiGatewayEvent, pollUntil } from '@chainops/testkit'
import { type AuthenticatedLnd, cancelHodlInvoice, pay } from 'lightning'
import { type Address, getAddress, type Hex, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { openAwsIssuanceResources } from '../src/aws/openAwsIssuanceResources.ts'
import { createInvoiceApiHandler } from '../src/lambda/createInvoiceApiHandler.ts'
import { openIssuance } from '../src/service/openIssuance.ts'
import { type Issuance, type IssuanceMode, startIssuance } from '../src/service/startIssuance.ts'
import type { SettleEvent } from '../src/settle/SettleEvent.ts'
import { lndPaymentRefusal } from './support/lndPaymentRefusal.ts'
import { overpay } from './support/overpay.ts'
import { type IssuanceDevnet, startIssuanceDevnet } from './support/startIssuanceDevnet.ts'

const RATE = new Rational(10n ** 10n) // 10^10 wei per sat: 1 BTC -> 1 coin
const MODES: readonly IssuanceMode[] = ['embedded', 'aws']

type ApiAnswer = { status: number; body: Record<string, unknown> }

function freshAddress(): Address {
  return privateKeyToAccount(generatePrivateKey()).address
}

describe('invoice to mint end to end on real lnd and real geth @integration', function () {
  this.timeout(300_000)
  let devnet: IssuanceDevnet
  let geth: GethCliqueNetwork
  let ln: LightningRegtest
  let moto: MotoServer
  let client: PublicClient
  let dir: string
  let invoiceLnd: AuthenticatedLnd
  let secretTexts: string[] = []
  const operatorKeys: Record<IssuanceMode, Hex> = { embedded: generatePrivateKey(), aws: generatePrivateKey() }
  const logLines: string[] = []
  const logger = createLogger({ level: 'debug', sink: (line) => logLines.push(line) })
  const alice = () => ln.nodes.alice?.lnd as AuthenticatedLnd

  before(async () => {
    devnet = await startIssuanceDevnet({
      label: 'issuance-e2e',
      operatorKeys: Object.values(operatorKeys),
      channelCapacitySats: 1_000_000n,
    })
    ;({ geth, ln, moto, client, dir, invoiceLnd } = devnet)
    // connectIssuanceLnd asked lnd for its identity through the read-only macaroon.
    assert.equal(devnet.nodeKey, devnet.bob.publicKey)
    const { macaroons, bob } = devnet
    secretTexts = [
      ...[macaroons.invoice, macaroons.readOnly, bob.macaroon].flatMap((m) => [
        m.reveal(),
        Buffer.from(m.reveal(), 'base64').toString('hex'),
      ]),
      ...Object.values(operatorKeys).flatMap((key) => [key, key.slice(2)]),
    ]
  })

  after(async () => {
    await devnet?.stop()
  })

  for (const mode of MODES) {
    describe(`${mode} mode`, () => {
      let issuance: Issuance
      let store: Store
      let queue: Queue
      let close: () => Promise<void>
      let api: (method: string, path: string, body?: unknown) => Promise<ApiAnswer>
      const operator = () => privateKeyToAccount(operatorKeys[mode]).address
      const apiBodies: string[] = []
      const settledVia = new Map<string, string>()

      before(async () => {
        const options = {
          chain: { rpcUrl: geth.rpc?.rpcUrl as string, chainId: geth.chainId },
          rate: RATE,
          bounds: { minSats: 100n, maxSats: 200_000n },
          minter: { pollIntervalMs: 100, resendAfterMs: 1000 },
          subscriber: {
            sweepIntervalMs: 1000,
            reconcileIntervalMs: 5000,
            onEvent: (event: SettleEvent) => {
              if (event.type === 'settled') settledVia.set(event.paymentHash, event.via)
            },
          },
          consumer: { visibilityTimeoutMs: 10_000, idleMs: 50, retryDelayMs: 500 },
          logger,
        }
        if (mode === 'embedded') {
          // The SDK's openIssuance, as `chainops serve` runs it: lnd connected here from the
          // socket, certificate and two macaroons, the node key asked of lnd.
          const path = join(dir, 'embedded.db')
          const sqliteStore = new SqliteStore({ path })
          const sqliteQueue = new SqliteQueue({ path, name: 'mint', visibilityTimeoutMs: 10_000 })
          store = sqliteStore
          queue = sqliteQueue
          const opened = await openIssuance({
            ...options,
            mode,
            resources: {
              store,
              queue,
              signerKey: new Secret(operatorKeys.embedded),
              async close() {
                await sqliteQueue.close()
                await sqliteStore.close()
              },
            },
            lnd: {
              socket: devnet.bob.socket,
              cert: devnet.bob.cert,
              invoiceMacaroon: devnet.macaroons.invoice,
              readOnlyMacaroon: devnet.macaroons.readOnly,
            },
          })
          issuance = opened.issuance
          close = opened.close
        } else {
          await new SSMClient(moto.clientConfig).send(
            new PutParameterCommand({
              Name: '/chainops/e2e/operator-key',
              Value: operatorKeys.aws,
              Type: 'SecureString',
            }),
          )
          const resources = await openAwsIssuanceResources({
            clientConfig: moto.clientConfig,
            tableName: 'chainops-e2e',
            queueName: 'chainops-e2e-mint',
            maxReceiveCount: 5,
            parameters: { operatorKey: '/chainops/e2e/operator-key' },
            create: true,
          })
          store = resources.store
          queue = resources.queue
          close = resources.close
          issuance = await startIssuance({
            ...options,
            mode,
            store,
            queue,
            lnd: { invoice: invoiceLnd, readOnly: devnet.readOnlyLnd, nodeKey: devnet.bob.publicKey },
            signerKey: resources.signerKey,
          })
        }
        assert.equal(issuance.sender, operator())
        if (mode === 'embedded') {
          api = async (method, path, body) => {
            const response = await fetch(`${issuance.url}${path}`, {
              method,
              headers: { 'content-type': 'application/json' },
              ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
            })
            const text = await response.text()
            apiBodies.push(text)
            return { status: response.status, body: JSON.parse(text) as Record<string, unknown> }
          }
        } else {
          const handler = createInvoiceApiHandler(issuance.apiDependencies)
          api = async (method, path, body) => {
            const response = await handler(
              apiGatewayEvent({
                method,
                rawPath: `/prod${path}`,
                stage: 'prod',
                body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
              }),
            )
            apiBodies.push(response.body as string)
            return { status: response.statusCode as number, body: JSON.parse(response.body as string) }
          }
        }
      })

      after(async () => {
        await issuance?.stop()
        await close?.()
      })

      const nonce = async () => BigInt(await client.getTransactionCount({ address: operator() }))
      const create = async (address: Address, sats: number, extra: Record<string, unknown> = {}) => {
        const created = await api('POST', '/invoices', { address, sats, ...extra })
        assert.equal(created.status, 201, JSON.stringify(created.body))
        return created.body as { paymentHash: string; request: string; state: string }
      }
      const statusOf = async (hash: string) => {
        const answer = await api('GET', `/invoices/${hash}`)
        assert.equal(answer.status, 200)
        return answer.body as Record<string, string>
      }
      const mintedOf = (hash: string) =>
        pollUntil({
          description: `${hash} MINTED`,
          condition: async () => {
            const status = await statusOf(hash)
            return status.state === 'MINTED' ? status : undefined
          },
          timeoutMs: 45_000,
        })
      /** The transfer the record names, checked against the chain. */
      const assertOneTransfer = async (status: Record<string, string>, to: Address, wei: bigint) => {
        const tx = await client.getTransaction({ hash: status.mintTxHash as Hex })
        assert.equal(tx.from, operator().toLowerCase())
        assert.equal(getAddress(tx.to as Address), to)
        assert.equal(tx.value, wei)
        assert.equal(tx.blockNumber, BigInt(status.mintBlock as string))
        const receipt = await client.getTransactionReceipt({ hash: tx.hash })
        assert.equal(receipt.status, 'success')
        assert.equal(await client.getBalance({ address: to }), wei)
      }

      it('a paid invoice yields exactly one transfer of the right amount to the right address', async () => {
        const before = await nonce()
        const to = freshAddress()
        const invoice = await create(to, 2_345, { memo: 'e2e' })
        assert.equal(invoice.state, 'PENDING')
        await pay({ lnd: alice(), request: invoice.request })
        const status = await mintedOf(invoice.paymentHash)
        assert.equal(status.receivedMsat, '2345000')
        assert.equal(settledVia.get(invoice.paymentHash), 'subscription', 'the live subscription saw the settle')
        assert.equal(status.mintWei, String(2_345n * 10n ** 10n))
        await assertOneTransfer(status, to, 2_345n * 10n ** 10n)
        await sleep(2000)
        assert.equal(await nonce(), before + 1n, 'one operator transaction')
      })

      it('an overpaid invoice mints what was received (1,500 sats on 1,000)', async () => {
        const before = await nonce()
        const to = freshAddress()
        const invoice = await create(to, 1_000)
        await overpay(alice(), invoice.request, 1_500)
        const status = await mintedOf(invoice.paymentHash)
        assert.equal(status.requestedSats, '1000')
        assert.equal(status.receivedMsat, '1500000')
        await assertOneTransfer(status, to, 1_500n * 10n ** 10n)
        assert.equal(await nonce(), before + 1n)
      })

      it('an expired invoice and a cancelled one mint nothing', async () => {
        const before = await nonce()
        const expiringTo = freshAddress()
        const cancelledTo = freshAddress()
        const expiring = await create(expiringTo, 1_100, { expirySeconds: 2 })
        const cancelled = await create(cancelledTo, 1_200)
        await cancelHodlInvoice({ lnd: invoiceLnd, id: cancelled.paymentHash })
        await assert.rejects(
          pay({ lnd: alice(), request: cancelled.request }),
          (error) => lndPaymentRefusal(error) === 'rejected',
        )
        await sleep(3000)
        await assert.rejects(
          pay({ lnd: alice(), request: expiring.request }),
          (error) => lndPaymentRefusal(error) === 'expired',
        )
        await pollUntil({
          description: 'EXPIRED and CANCELED',
          condition: async () =>
            (await statusOf(expiring.paymentHash)).state === 'EXPIRED' &&
            (await statusOf(cancelled.paymentHash)).state === 'CANCELED'
              ? true
              : undefined,
          timeoutMs: 45_000,
        })
        await sleep(2000)
        assert.equal(await nonce(), before)
        assert.equal(await client.getBalance({ address: expiringTo }), 0n)
        assert.equal(await client.getBalance({ address: cancelledTo }), 0n)
      })

      it('refuses bad input with typed errors: checksum, zero address, bounds, malformed body', async () => {
        const good = freshAddress()
        // The same address with the case of its first letter flipped: valid hex, wrong EIP-55 checksum.
        const letter = good.slice(2).search(/[a-fA-F]/) + 2
        const flipped =
          good[letter] === good[letter]?.toLowerCase() ? good[letter]?.toUpperCase() : good[letter]?.toLowerCase()
        const badChecksum = `${good.slice(0, letter)}${flipped}${good.slice(letter + 1)}`
        const cases: Array<[unknown, string]> = [
          [
            { address: good.toLowerCase() === good ? `${good.slice(0, -1)}G` : badChecksum, sats: 1000 },
            'INVOICE_INVALID_ADDRESS',
          ],
          [{ address: '0x0000000000000000000000000000000000000000', sats: 1000 }, 'INVOICE_ZERO_ADDRESS'],
          [{ address: good, sats: 99 }, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
          [{ address: good, sats: 200_001 }, 'INVOICE_AMOUNT_OUT_OF_BOUNDS'],
          ['{"address":', 'API_INVALID_BODY'],
          [{ address: good }, 'API_INVALID_BODY'],
        ]
        for (const [body, code] of cases) {
          const answer = await api('POST', '/invoices', body)
          assert.equal(answer.status, 400, JSON.stringify(body))
          assert.equal((answer.body.error as { code: string }).code, code, JSON.stringify(answer.body))
        }
      })

      it('dead-letters a malformed queue message with its reason and keeps minting', async () => {
        await queue.send({
          body: '{"v":1,"paymentHash":"zz"}',
          dedupId: `malformed-${mode}`,
          groupId: `mint:${operator()}`,
        })
        const letter = await pollUntil({
          description: 'the dead letter',
          condition: async () => (await queue.deadLetters()).find((l) => l.dedupId === `malformed-${mode}`),
          timeoutMs: 45_000,
        })
        assert.match(letter.reason, /^MINT_INVALID_MESSAGE: /)
        const to = freshAddress()
        const invoice = await create(to, 1_300)
        await pay({ lnd: alice(), request: invoice.request })
        await assertOneTransfer(await mintedOf(invoice.paymentHash), to, 1_300n * 10n ** 10n)
      })

      if (mode === 'aws') {
        it('a missing SSM parameter fails at start, naming the parameter', async () => {
          await assert.rejects(
            openAwsIssuanceResources({
              clientConfig: moto.clientConfig,
              tableName: 'chainops-e2e',
              queueName: 'chainops-e2e-mint',
              parameters: { operatorKey: '/chainops/e2e/missing-key' },
            }),
            (error: unknown) =>
              isChainopsError(error, 'SECRET_NOT_FOUND') && `${error.message}`.includes('/chainops/e2e/missing-key'),
          )
        })
      }

      if (mode === 'aws') {
        it('a malformed operator key in SSM fails at start without showing the value', async () => {
          const value = `0x${'ab'.repeat(31)}zz`
          await new SSMClient(moto.clientConfig).send(
            new PutParameterCommand({ Name: '/chainops/e2e/bad-key', Value: value, Type: 'SecureString' }),
          )
          const error = await openAwsIssuanceResources({
            clientConfig: moto.clientConfig,
            tableName: 'chainops-e2e',
            queueName: 'chainops-e2e-mint',
            parameters: { operatorKey: '/chainops/e2e/bad-key' },
          }).then(
            () => assert.fail('a malformed key was accepted'),
            (caught: unknown) => caught,
          )
          assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
          assert.match(error.message, /\/chainops\/e2e\/bad-key/)
          assert.equal(JSON.stringify({ message: error.message, details: error.details }).includes('abab'), false)
        })
      }

      it('no secret (operator key, macaroons) appears in any log line or API response', () => {
        assert.ok(
          logLines.some((line) => line.includes('"minted"')),
          'the service logged its mints',
        )
        for (const text of secretTexts) {
          for (const line of logLines) assert.equal(line.includes(text), false, 'a secret in a log line')
          for (const body of apiBodies) assert.equal(body.includes(text), false, 'a secret in an API response')
        }
      })
    })
  }
})
