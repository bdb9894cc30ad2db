import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Rational, Secret, SqliteStore, type Store } from '@chainops/core'
import { EthersAdapterError } from '@chainops/core/ethers'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { JsonRpcProvider, JsonRpcSigner, Wallet } from 'ethers'
import { type Address, createPublicClient, getAddress, type Hex, http, type PublicClient } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { getOperatorFloat } from '../src/float/getOperatorFloat.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { createMinter } from '../src/minter/createMinter.ts'
import { MINT_JOURNAL_TABLE, type MintJournalRow } from '../src/minter/MintJournalRow.ts'
import { mintWeiOf } from '../src/minter/mintWeiOf.ts'
import { minterTxPoolArgs } from '../src/pipeline/minterTxPoolArgs.ts'

const RATE = '10000000000/1' // 10^10 wei per sat: 1 BTC -> 1 coin

/** A PAID invoice record as the settle subscriber writes it; resolves to its payment hash. */
async function putPaidInvoice(store: Store, address: Address, receivedMsat: bigint): Promise<string> {
  const paymentHash = randomBytes(32).toString('hex')
  const now = new Date().toISOString()
  const record: InvoiceRecord = {
    paymentHash,
    address: getAddress(address),
    requestedSats: (receivedMsat / 1000n).toString(),
    rate: RATE,
    request: 'lnbcrt1test',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    createdAt: now,
    state: 'PAID',
    receivedMsat: receivedMsat.toString(),
    settleIndex: '1',
    paidAt: now,
    mintWei: mintWeiOf({ receivedMsat, rate: Rational.fromString(RATE) }).toString(),
  }
  await store.putIfAbsent(INVOICES_TABLE, paymentHash, record)
  return paymentHash
}

describe('minter @integration: an ethers v6 provider as the chain and an ethers Wallet as the key, on real geth', function () {
  this.timeout(120_000)
  let net: GethCliqueNetwork
  let rpcUrl: string
  let viemClient: PublicClient
  let provider: JsonRpcProvider
  let dir: string
  const keys = [generatePrivateKey(), generatePrivateKey()]
  const stores: Store[] = []

  before(async () => {
    net = await startGethClique({
      sealers: 1,
      period: 1,
      label: 'lightning-ethers',
      prefund: keys.map((key) => ({ address: privateKeyToAccount(key).address, balanceWei: 10n ** 24n })),
      extraArgs: minterTxPoolArgs(),
    })
    rpcUrl = net.rpc?.rpcUrl as string
    viemClient = createPublicClient({ transport: http(rpcUrl, { batch: { wait: 0 } }) })
    provider = new JsonRpcProvider(rpcUrl, net.chainId, { staticNetwork: true })
    dir = await mkdtemp(join(tmpdir(), 'chainops-minter-ethers-'))
  })
  after(async () => {
    for (const store of stores) await store.close()
    provider?.destroy()
    await net?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  const storeOf = () => {
    const store = new SqliteStore({ path: join(dir, `${randomBytes(6).toString('hex')}.db`) })
    stores.push(store)
    return store
  }

  /** Mints one invoice of `receivedMsat` to a fresh address; resolves to what the chain and the journal hold. */
  async function mintOnce(parameters: Pick<Parameters<typeof createMinter>[0], 'client' | 'signerKey'>) {
    const store = storeOf()
    const recipient = privateKeyToAccount(generatePrivateKey()).address
    const hash = await putPaidInvoice(store, recipient, 123_456_789n)
    const minter = createMinter({ store, chainId: net.chainId, pollIntervalMs: 100, lease: false, ...parameters })
    try {
      await minter.start()
      const [submission] = await minter.submit([hash])
      assert.equal(submission?.status, 'tracked')
      const outcome = await minter.whenSettled(hash)
      assert.equal(outcome.status, 'minted')
      const record = (await store.get<InvoiceRecord>(INVOICES_TABLE, hash))?.value
      const [row] = (await store.list<MintJournalRow>(MINT_JOURNAL_TABLE, { limit: 10 })).records.map((r) => r.value)
      const tx = await viemClient.getTransaction({ hash: record?.mintTxHash as Hex })
      return {
        store,
        minter: minter.address,
        recipient,
        record,
        row,
        tx,
        balance: await viemClient.getBalance({ address: recipient }),
      }
    } finally {
      await minter.stop()
    }
  }

  it('mints floor(receivedMsat * rate / 1000) wei with an ethers provider and Wallet, as the viem client and Secret key do', async () => {
    const viaEthers = await mintOnce({ client: provider, signerKey: new Wallet(keys[0] as Hex) })
    const viaViem = await mintOnce({ client: viemClient, signerKey: new Secret(keys[1] as Hex) })
    for (const [result, key] of [
      [viaEthers, keys[0]],
      [viaViem, keys[1]],
    ] as const) {
      assert.equal(result.minter, privateKeyToAccount(key as Hex).address)
      assert.equal(result.record?.state, 'MINTED')
      assert.equal(result.record?.mintWei, '1234567890000000')
      assert.equal(result.balance, 1_234_567_890_000_000n)
      assert.equal(getAddress(result.tx.from), result.minter)
      assert.equal(result.tx.to && getAddress(result.tx.to), result.recipient)
      assert.equal(result.tx.value, 1_234_567_890_000_000n)
      assert.equal(result.tx.nonce, 0)
      assert.equal(result.row?.txHash, result.record?.mintTxHash)
      assert.equal(result.row?.outcome?.kind, 'minted')
    }
    // The operator's float read through the ethers provider is the one read through viem.
    const at = Date.now()
    const floatOf = (client: PublicClient | JsonRpcProvider) =>
      getOperatorFloat({ store: viaEthers.store, client, operator: viaEthers.minter, now: () => at })
    const float = await floatOf(provider)
    assert.deepEqual(float, await floatOf(viemClient))
    assert.equal(float.mints, 1)
    assert.equal(float.balanceWei, await viemClient.getBalance({ address: viaEthers.minter }))
    assert.equal(float.balanceWei + float.burnedWei, 10n ** 24n)
    // The same transaction shape either way: type, gas, fee fields come from the one implementation.
    assert.equal(viaEthers.tx.type, viaViem.tx.type)
    assert.equal(viaEthers.tx.gas, viaViem.tx.gas)
  })

  it('refuses an ethers provider on another chain before anything is signed (ETHERS_CHAIN_MISMATCH)', async () => {
    const store = storeOf()
    const minter = createMinter({
      store,
      client: provider,
      signerKey: new Wallet(keys[0] as Hex),
      chainId: 1,
      lease: false,
    })
    await assert.rejects(minter.start(), (error: unknown) => {
      let current: unknown = error
      while (current && !(current instanceof EthersAdapterError)) current = (current as { cause?: unknown }).cause
      return (
        current instanceof EthersAdapterError &&
        current.code === 'ETHERS_CHAIN_MISMATCH' &&
        current.shortMessage === `the ethers provider is on chain ${net.chainId}, not 1`
      )
    })
    await minter.stop()
  })

  it('refuses a signer that holds no key, a JsonRpcSigner (ETHERS_SIGNER_UNSUPPORTED)', () => {
    assert.throws(
      () =>
        createMinter({
          store: storeOf(),
          client: provider,
          signerKey: new JsonRpcSigner(provider, privateKeyToAccount(keys[0] as Hex).address) as never,
          chainId: net.chainId,
          lease: false,
        }),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_SIGNER_UNSUPPORTED',
    )
  })
})
