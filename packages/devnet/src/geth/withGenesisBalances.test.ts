import assert from 'node:assert/strict'
import { buildGenesis } from '@chainops/clique'
import { DevnetError } from '../DevnetError.ts'
import { withGenesisBalances } from './withGenesisBalances.ts'

describe('withGenesisBalances', () => {
  const sealer = '0x0000000000000000000000000000000000000001' as const
  const funded = '0x00000000000000000000000000000000000000Aa' as const
  const genesis = buildGenesis({ chainId: 2789, period: 1, sealers: [sealer], alloc: { [funded]: { balance: 16n } } })

  it('adds new balances to a copy and leaves the caller’s genesis untouched', () => {
    const merged = withGenesisBalances(genesis, [{ address: sealer, balanceWei: 255n }])
    assert.deepEqual(merged.alloc, {
      '0x00000000000000000000000000000000000000AA': { balance: 16n },
      '0x0000000000000000000000000000000000000001': { balance: 255n },
    })
    assert.equal(Object.keys(genesis.alloc).length, 1)
  })

  it('keeps an existing entry with the same balance, whatever the address case', () => {
    const merged = withGenesisBalances(genesis, [{ address: funded.toLowerCase() as typeof funded, balanceWei: 16n }])
    assert.deepEqual(merged.alloc, genesis.alloc)
  })

  it('refuses to change a balance the genesis already sets', () => {
    assert.throws(
      () => withGenesisBalances(genesis, [{ address: funded, balanceWei: 17n }]),
      (error: unknown) => error instanceof DevnetError && error.code === 'DEVNET_BAD_OPTIONS',
    )
  })
})
