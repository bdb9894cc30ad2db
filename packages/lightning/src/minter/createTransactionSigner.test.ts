import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import type { Hex } from 'viem'
import { createTransactionSigner } from './createTransactionSigner.ts'

// Hardhat's first default account: a public test key.
const key: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const transactions = Array.from({ length: 7 }, (_, nonce) => ({
  type: 'eip1559' as const,
  chainId: 2789,
  nonce,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const,
  value: 10n ** 15n * BigInt(nonce + 1),
  gas: 21_000n,
  maxFeePerGas: 3_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
}))

describe('createTransactionSigner', () => {
  it('signing threads give byte-identical raw transactions, in order, to signing on the event loop (RFC 6979)', async () => {
    const inline = createTransactionSigner({ key: new Secret(key) })
    const threaded = createTransactionSigner({ key: new Secret(key), threads: 3 })
    try {
      assert.equal(inline.address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')
      assert.equal(threaded.address, inline.address)
      const [a, b] = await Promise.all([inline.sign(transactions), threaded.sign(transactions)])
      assert.equal(a.length, 7)
      assert.deepEqual(b, a)
    } finally {
      await threaded.close()
      await inline.close()
    }
  })

  it('refuses a malformed key without echoing it', () => {
    const bad = '0x1234nothex' as Hex
    assert.throws(
      () => createTransactionSigner({ key: new Secret(bad) }),
      (error) =>
        isChainopsError(error, 'MINT_INVALID_PARAMETERS') &&
        !error.message.includes('1234nothex') &&
        !JSON.stringify(error).includes('1234nothex'),
    )
  })

  it('refuses a thread count outside 0..16', () => {
    assert.throws(
      () => createTransactionSigner({ key: new Secret(key), threads: 17 }),
      (error) => isChainopsError(error, 'MINT_INVALID_PARAMETERS'),
    )
  })
})
