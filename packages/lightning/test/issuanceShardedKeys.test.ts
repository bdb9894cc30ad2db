import assert from 'node:assert/strict'
import { join } from 'node:path'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { createLogger, isChainopsError, Rational, Secret, SqliteQueue, SqliteStore, type Store } from '@chainops/core'
import type { GethCliqueNetwork, LightningRegtest, MotoServer } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { type AuthenticatedLnd, pay } from 'lightning'
import { type Address, getAddress, type Hex, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { openAwsIssuanceResources } from '../src/aws/openAwsIssuanceResources.ts'
import { getOperatorFloats } from '../src/float/getOperatorFloats.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { listMintJournal } from '../src/minter/listMintJournal.ts'
import type { MintJournalRow } from '../src/minter/MintJournalRow.ts'
import type { IssuanceResources } from '../src/service/IssuanceResources.ts'
import { openIssuance } from '../src/service/openIssuance.ts'
import type { Issuance, IssuanceMode } from '../src/service/startIssuance.ts'
import { type IssuanceDevnet, startIssuanceDevnet } from './support/startIssuanceDevnet.ts'

const RATE = new Rational(10n ** 10n)
const PREFUND_WEI = 10n ** 24n
/** Invoices per mode: with two keys, the chance that all land on one key is 2 / 2^16. */
const INVOICES = 16
const MODES: readonly IssuanceMode[] = ['aws', 'embedded']

describe('sharded sending keys (K = 2) end to end on real lnd, geth and moto @integration', function () {
  this.timeout(300_000)
  let devnet: IssuanceDevnet
  let geth: GethCliqueNetwork
  let ln: LightningRegtest
  let moto: MotoServer
  let client: PublicClient
  const keys: Record<IssuanceMode, [Hex, Hex]> = {
    aws: [generatePrivateKey(), generatePrivateKey()],
    embedded: [generatePrivateKey(), generatePrivateKey()],
  }
  const logLines: string[] = []
  const logger = createLogger({ level: 'info', sink: (line) => logLines.push(line) })
  const ssm = () => new SSMClient(moto.clientConfig)
  const putKey = (name: string, value: string) =>
    ssm().send(new PutParameterCommand({ Name: name, Value: value, Type: 'SecureString', Overwrite: true }))

  before(async () => {
    devnet = await startIssuanceDevnet({
      label: 'issuance-sharded',
      operatorKeys: [...keys.aws, ...keys.embedded],
      channelCapacitySats: 1_000_000n,
    })
    ;({ geth, ln, moto, client } = devnet)
  })

  after(async () => {
    await devnet?.stop()
  })

  describe('bad key settings fail at start, naming the setting', () => {
    const open = (operatorKey: string | readonly string[]) =>
      openAwsIssuanceResources({
        clientConfig: moto.clientConfig,
        tableName: 'chainops-sharded-bad',
        queueName: 'chainops-sharded-bad-mint',
        parameters: { operatorKey },
      })

    it('K = 0 SSM parameters is ISSUANCE_CONFIG_INVALID naming parameters.operatorKey', async () => {
      await assert.rejects(open([]), (error: unknown) => {
        assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
        assert.equal(error.details, 'parameters.operatorKey: at least one sending key is needed (K = 0)')
        return true
      })
    })

    it('one SSM parameter listed twice is ISSUANCE_CONFIG_INVALID naming it', async () => {
      await putKey('/chainops/sharded/bad-a', generatePrivateKey())
      await assert.rejects(open(['/chainops/sharded/bad-a', '/chainops/sharded/bad-a']), (error: unknown) => {
        assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
        assert.equal(error.details, 'parameters.operatorKey: /chainops/sharded/bad-a is listed twice (entries 0 and 1)')
        return true
      })
    })

    it('two SSM parameters holding one key (the same address) are ISSUANCE_CONFIG_INVALID naming both, never the key', async () => {
      const key = generatePrivateKey()
      await putKey('/chainops/sharded/same-1', key)
      await putKey('/chainops/sharded/same-2', key.toUpperCase().replace('0X', '0x'))
      await assert.rejects(open(['/chainops/sharded/same-1', '/chainops/sharded/same-2']), (error: unknown) => {
        assert.ok(isChainopsError(error, 'ISSUANCE_CONFIG_INVALID'))
        assert.equal(
          error.details,
          `parameters.operatorKey: SSM parameters /chainops/sharded/same-1 and /chainops/sharded/same-2 hold the same key (${privateKeyToAccount(key).address})`,
        )
        assert.equal(JSON.stringify({ m: error.message, d: error.details }).includes(key.slice(2, 20)), false)
        return true
      })
    })

    it('the SSM parameter of the second key missing is SECRET_NOT_FOUND naming that parameter', async () => {
      await putKey('/chainops/sharded/present', generatePrivateKey())
      await assert.rejects(open(['/chainops/sharded/present', '/chainops/sharded/absent']), (error: unknown) => {
        assert.ok(isChainopsError(error, 'SECRET_NOT_FOUND'))
        assert.match(error.message, /\/chainops\/sharded\/absent/)
        assert.doesNotMatch(error.message, /\/chainops\/sharded\/present/)
        return true
      })
    })
  })

  for (const mode of MODES) {
    describe(`${mode} mode with two sending keys`, () => {
      let issuance: Issuance
      let store: Store
      let close: () => Promise<void>
      const senders = () => keys[mode].map((key) => privateKeyToAccount(key).address)
      const expected = new Map<string, { to: Address; wei: bigint }>()

      before(async () => {
        let resources: IssuanceResources
        if (mode === 'aws') {
          await putKey('/chainops/sharded/key-0', keys.aws[0])
          await putKey('/chainops/sharded/key-1', keys.aws[1])
          resources = await openAwsIssuanceResources({
            clientConfig: moto.clientConfig,
            tableName: 'chainops-sharded',
            queueName: 'chainops-sharded-mint',
            parameters: { operatorKey: ['/chainops/sharded/key-0', '/chainops/sharded/key-1'] },
            create: true,
          })
        } else {
          const path = join(devnet.dir, 'sharded.db')
          const sqliteStore = new SqliteStore({ path })
          const sqliteQueue = new SqliteQueue({ path, name: 'mint', visibilityTimeoutMs: 10_000 })
          resources = {
            store: sqliteStore,
            queue: sqliteQueue,
            signerKey: new Secret(keys.embedded[0]),
            signerKeys: keys.embedded.map((key) => new Secret(key)),
            async close() {
              await sqliteQueue.close()
              await sqliteStore.close()
            },
          }
        }
        store = resources.store
        const opened = await openIssuance({
          mode,
          resources,
          lnd: {
            socket: devnet.bob.socket,
            cert: devnet.bob.cert,
            invoiceMacaroon: devnet.macaroons.invoice,
            readOnlyMacaroon: devnet.macaroons.readOnly,
          },
          chain: { rpcUrl: geth.rpc?.rpcUrl as string, chainId: geth.chainId },
          rate: RATE,
          bounds: { minSats: 100n, maxSats: 200_000n },
          // Two blocks deep: with 0 a receipt read at the head was seen recorded from a block 22 the
          // chain then replaced (the transaction mined in block 23), its gas price that block's.
          minter: { pollIntervalMs: 100, resendAfterMs: 1000, confirmations: 2 },
          subscriber: { sweepIntervalMs: 1000, reconcileIntervalMs: 5000 },
          consumer: { visibilityTimeoutMs: 10_000, idleMs: 50, retryDelayMs: 500 },
          logger,
        })
        issuance = opened.issuance
        close = opened.close
      })

      after(async () => {
        await close?.()
      })

      it('runs one minter per key (and in AWS mode one receipt watcher per key, each holding its own lease)', async () => {
        assert.equal(issuance.sender, senders()[0])
        assert.deepEqual(issuance.senders, senders())
        assert.deepEqual(
          issuance.minters.map((minter) => minter.address),
          senders(),
        )
        if (mode === 'aws') {
          assert.deepEqual(
            issuance.watchers.map((watcher) => watcher.address),
            senders(),
          )
          await pollUntil({
            description: 'both watchers active',
            condition: () => issuance.watchers.every((watcher) => watcher.active()),
            timeoutMs: 20_000,
          })
        } else assert.deepEqual(issuance.watchers, [])
      })

      it(`${INVOICES} paid invoices: both keys mint, each invoice once by the key in its record, each key's nonces consecutive from 0, sums exact`, async () => {
        for (let index = 0; index < INVOICES; index++) {
          const to = privateKeyToAccount(generatePrivateKey()).address
          const sats = 1_000 + index
          const response = await fetch(`${issuance.url}/invoices`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ address: to, sats }),
          })
          assert.equal(response.status, 201)
          const created = (await response.json()) as { paymentHash: string; request: string }
          expected.set(created.paymentHash, { to, wei: BigInt(sats) * 10n ** 10n })
          await pay({ lnd: ln.nodes.alice?.lnd as AuthenticatedLnd, request: created.request })
        }
        const records = await pollUntil({
          description: `${INVOICES} invoices MINTED`,
          condition: async () => {
            const all = await Promise.all(
              [...expected.keys()].map((hash) => store.get<InvoiceRecord>(INVOICES_TABLE, hash)),
            )
            return all.every((record) => record?.value.state === 'MINTED')
              ? all.map((record) => record?.value as InvoiceRecord)
              : undefined
          },
          timeoutMs: 90_000,
        })

        const [a, b] = senders() as [Address, Address]
        const perKey = new Map<Address, number>([
          [a, 0],
          [b, 0],
        ])
        for (const record of records) {
          const sender = getAddress(record.sender as string)
          assert.ok(perKey.has(sender), `${record.paymentHash} assigned a key of the service`)
          perKey.set(sender, (perKey.get(sender) as number) + 1)
        }
        assert.ok((perKey.get(a) as number) > 0 && (perKey.get(b) as number) > 0, `both keys used: ${[...perKey]}`)

        const journal = new Map<string, MintJournalRow>()
        for (const sender of [a, b]) {
          const rows = await listMintJournal(store, sender)
          assert.equal(rows.length, perKey.get(sender), `${sender}: one journal row per invoice assigned to it`)
          assert.deepEqual(
            rows.map((row) => BigInt(row.nonce)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
            rows.map((_, index) => BigInt(index)),
            `${sender}: nonces consecutive from 0`,
          )
          assert.equal(
            await client.getTransactionCount({ address: sender }),
            rows.length,
            `${sender}: no transaction beyond its mints`,
          )
          for (const row of rows) {
            assert.equal(journal.has(row.paymentHash), false, `${row.paymentHash} journaled once`)
            journal.set(row.paymentHash, row)
          }
        }
        assert.equal(journal.size, INVOICES)

        let total = 0n
        for (const record of records) {
          const want = expected.get(record.paymentHash) as { to: Address; wei: bigint }
          const row = journal.get(record.paymentHash) as MintJournalRow
          assert.equal(getAddress(row.from), getAddress(record.sender as string), 'minted by the key in its record')
          const tx = await client.getTransaction({ hash: record.mintTxHash as Hex })
          assert.equal(getAddress(tx.from), getAddress(record.sender as string))
          assert.equal(getAddress(tx.to as Address), want.to)
          assert.equal(tx.value, want.wei)
          assert.equal(tx.blockNumber, BigInt(record.mintBlock as string), 'the record names the block it is in')
          assert.equal(record.mintWei, String(want.wei))
          assert.equal(await client.getBalance({ address: want.to }), want.wei, 'one transfer to the address')
          total += want.wei
        }
        assert.equal(
          total,
          [...expected.values()].reduce((sum, item) => sum + item.wei, 0n),
        )
      })

      it('the float covers both keys: per key what its balance lost, and the total', async () => {
        const floats = await getOperatorFloats({ store, client, operators: senders(), windowMs: 3_600_000 })
        assert.deepEqual(
          floats.keys.map((key) => key.operator),
          senders(),
        )
        let balance = 0n
        let burned = 0n
        let mints = 0
        for (const key of floats.keys) {
          const onChain = await client.getBalance({ address: key.operator })
          assert.equal(key.balanceWei, onChain)
          const rows = await listMintJournal(store, key.operator)
          const diag: string[] = []
          for (const row of rows) {
            if (!row.outcome || row.outcome.kind === 'conflict') continue
            const receipt = await client.getTransactionReceipt({ hash: row.outcome.txHash })
            diag.push(
              `${row.nonce}: ${row.outcome.gasUsed}x${row.outcome.effectiveGasPrice} vs ${receipt.gasUsed}x${receipt.effectiveGasPrice} block ${row.outcome.block} vs ${receipt.blockNumber} (${receipt.blockHash}) bumps ${row.feeBumps.length} value ${row.valueWei}`,
            )
          }
          assert.equal(
            key.burnedWei,
            PREFUND_WEI - onChain,
            `${key.operator}: values + gas = the balance lost\n${diag.join('\n')}`,
          )
          assert.equal(key.mints, (await listMintJournal(store, key.operator)).length)
          balance += key.balanceWei
          burned += key.burnedWei
          mints += key.mints
        }
        assert.equal(mints, INVOICES)
        assert.equal(floats.total.balanceWei, balance)
        assert.equal(floats.total.burnedWei, burned)
        assert.equal(floats.total.mints, INVOICES)
        assert.equal(
          floats.total.burnWeiPerDay,
          floats.keys.reduce((sum, key) => sum + key.burnWeiPerDay, 0n),
        )
      })

      it('no operator key appears in any log line', () => {
        for (const key of keys[mode]) for (const line of logLines) assert.equal(line.includes(key.slice(2)), false)
      })
    })
  }
})
