import assert from 'node:assert/strict'
import { DevnetError } from '../DevnetError.ts'
import { minimalCliqueGenesis } from './minimalCliqueGenesis.ts'
import { withGenesisBalances } from './withGenesisBalances.ts'

describe('withGenesisBalances', () => {
  const sealer = '0x0000000000000000000000000000000000000001' as const
  const funded = '0x00000000000000000000000000000000000000Aa' as const
  const genesis = minimalCliqueGenesis({
    chainId: 2789,
    period: 1,
    sealers: [sealer],
    gasLimit: 30_000_000n,
    alloc: [{ address: funded, balanceWei: 16n }],
  })

  it('adds new balances to a copy and leaves the caller’s genesis untouched', () => {
    const merged = withGenesisBalances(genesis, [{ address: sealer, balanceWei: 255n }])
    assert.deepEqual(merged.alloc, {
      '0x00000000000000000000000000000000000000aa': { balance: '0x10' },
      '0x0000000000000000000000000000000000000001': { balance: '0xff' },
    })
    assert.equal(Object.keys(genesis.alloc).length, 1)
  })

  it('keeps an existing entry with the same balance, whatever the address case', () => {
    const merged = withGenesisBalances(genesis, [{ address: funded, balanceWei: 16n }])
    assert.deepEqual(merged.alloc, genesis.alloc)
  })

  it('refuses to change a balance the genesis already sets', () => {
    assert.throws(
      () => withGenesisBalances(genesis, [{ address: funded, balanceWei: 17n }]),
      (error: unknown) => error instanceof DevnetError && error.code === 'DEVNET_BAD_OPTIONS',
    )
  })
})
