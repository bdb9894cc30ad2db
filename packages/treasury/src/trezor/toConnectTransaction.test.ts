import assert from 'node:assert/strict'
import type { TrezorTransaction } from './TrezorTransaction.ts'
import { toConnectTransaction } from './toConnectTransaction.ts'

describe('toConnectTransaction', () => {
  const to = '0x8eA7a3fccC211ED48b763b4164884DDbcF3b0A98' as const

  it('gives an EIP-1559 transaction as Connect takes it: hex quantities, gasLimit, both fees, the access list', () => {
    assert.deepEqual(
      toConnectTransaction({
        type: 'eip1559',
        chainId: 2789,
        nonce: 7,
        gas: 21_000n,
        maxFeePerGas: 2_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
        to,
        value: 1n,
        data: '0xdeadbeef',
        accessList: [{ address: to, storageKeys: [`0x${'00'.repeat(31)}01`] }],
      }),
      {
        to,
        value: '0x1',
        gasLimit: '0x5208',
        nonce: '0x7',
        chainId: 2789,
        data: '0xdeadbeef',
        maxFeePerGas: '0x77359400',
        maxPriorityFeePerGas: '0x3b9aca00',
        accessList: [{ address: to, storageKeys: [`0x${'00'.repeat(31)}01`] }],
      },
    )
  })

  it('gives a legacy transaction with gasPrice, a zero value and no data field', () => {
    assert.deepEqual(
      toConnectTransaction({ type: 'legacy', chainId: 1, nonce: 0, gas: 21_000n, gasPrice: 1n, to: null }),
      { to: null, value: '0x0', gasLimit: '0x5208', nonce: '0x0', chainId: 1, gasPrice: '0x1' },
    )
  })

  it('refuses a transaction without chainId, nonce or gas with TREZOR_TRANSACTION_INVALID', () => {
    for (const missing of ['chainId', 'nonce', 'gas'] as const) {
      const transaction: TrezorTransaction = { type: 'eip1559', chainId: 1, nonce: 0, gas: 21_000n, to }
      delete transaction[missing]
      assert.throws(() => toConnectTransaction(transaction), {
        name: 'TreasuryError',
        code: 'TREZOR_TRANSACTION_INVALID',
      })
    }
  })
})
