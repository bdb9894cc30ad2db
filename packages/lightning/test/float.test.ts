import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { createLogger, Rational, Secret, SqliteStore } from '@chainops/core'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { createPublicClient, getAddress, http, type PublicClient, parseTransaction } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { getOperatorFloat } from '../src/float/getOperatorFloat.ts'
import { planFloatRefill } from '../src/float/planFloatRefill.ts'
import { INVOICES_TABLE, type InvoiceRecord } from '../src/invoices/InvoiceRecord.ts'
import { createMinter } from '../src/minter/createMinter.ts'
import { mintWeiOf } from '../src/minter/mintWeiOf.ts'

describe('operator float @integration: balance, burn and runway from the minter journal on a real geth chain', () => {
  let net: GethCliqueNetwork
  let client: PublicClient
  let dir: string

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-float-test-'))
  })

  after(async () => {
    await net?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('the burn the journal reports is exactly what the operator balance lost (values + gas), and a low float gets an unsigned refill from the cold wallet', async () => {
    const key = generatePrivateKey()
    const operator = privateKeyToAccount(key).address
    const cold = privateKeyToAccount(generatePrivateKey()).address
    net = await startGethClique({
      sealers: 1,
      period: 1,
      label: 'lightning-float',
      prefund: [
        { address: operator, balanceWei: 10n ** 21n },
        { address: cold, balanceWei: 10n ** 24n },
      ],
    })
    client = createPublicClient({ transport: http(net.rpc?.rpcUrl) })
    const store = new SqliteStore({ path: join(dir, 'float.db') })
    const rate = Rational.fromString('10000000000/1')
    const hashes: string[] = []
    let valueSum = 0n
    for (let index = 0; index < 5; index++) {
      const hash = randomBytes(32).toString('hex')
      const receivedMsat = BigInt(1_000_000 * (index + 1))
      const wei = mintWeiOf({ receivedMsat, rate })
      valueSum += wei
      const record: InvoiceRecord = {
        paymentHash: hash,
        address: getAddress(privateKeyToAccount(generatePrivateKey()).address),
        requestedSats: (receivedMsat / 1000n).toString(),
        rate: rate.toJSON(),
        request: 'lnbcrt1float',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        createdAt: new Date().toISOString(),
        state: 'PAID',
        receivedMsat: receivedMsat.toString(),
        mintWei: wei.toString(),
      }
      await store.putIfAbsent(INVOICES_TABLE, hash, record)
      hashes.push(hash)
    }
    const before = await client.getBalance({ address: operator })
    const minter = createMinter({
      store,
      client,
      signerKey: new Secret(key),
      chainId: net.chainId,
      pollIntervalMs: 100,
      logger: createLogger({ level: 'error', sink: () => {} }),
    })
    await minter.start()
    const submissions = await minter.submit(hashes)
    assert.deepEqual(
      submissions.map((submission) => submission.status),
      ['tracked', 'tracked', 'tracked', 'tracked', 'tracked'],
    )
    const outcomes = await Promise.all(hashes.map((hash) => minter.whenSettled(hash)))
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['minted', 'minted', 'minted', 'minted', 'minted'],
    )
    await minter.stop()
    await sleep(200)
    const after = await client.getBalance({ address: operator })

    const float = await getOperatorFloat({ store, client, operator, windowMs: 3_600_000 })
    assert.equal(float.operator, operator)
    assert.equal(float.mints, 5)
    assert.equal(float.balanceWei, after)
    assert.equal(float.burnedWei, before - after, 'values + gasUsed x effectiveGasPrice = the balance lost')
    assert.ok(float.burnedWei > valueSum, 'gas is counted on top of the values')
    assert.equal(float.burnWeiPerDay, (float.burnedWei * 86_400_000n) / BigInt(float.spanMs))
    assert.equal(float.runwaySeconds, (after * BigInt(float.spanMs)) / (float.burnedWei * 1000n))

    // The plan: top up to the balance before these mints; anything under it is low.
    const coldNonce = await client.getTransactionCount({ address: cold })
    const plan = planFloatRefill({
      float,
      coldWallet: cold,
      chainId: net.chainId,
      coldNonce,
      maxFeePerGas: 10n ** 10n,
      maxPriorityFeePerGas: 10n ** 9n,
      targetWei: before,
      thresholdWei: after + 1n,
      minRunwaySeconds: 0n,
    })
    assert.equal(plan.status, 'low')
    assert.deepEqual(plan.warnings, [`operator balance ${after} wei is below the threshold ${after + 1n} wei`])
    assert.ok(plan.proposal)
    assert.equal(plan.proposal.valueWei, before - after)
    const unsigned = parseTransaction(plan.proposal.unsignedTx)
    assert.equal(unsigned.to, operator.toLowerCase())
    assert.equal(unsigned.value, before - after)
    assert.equal(unsigned.nonce, 0)
    await store.close()
  })
})
