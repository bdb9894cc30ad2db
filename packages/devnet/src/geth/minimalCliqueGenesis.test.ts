import assert from 'node:assert/strict'
import { minimalCliqueGenesis } from './minimalCliqueGenesis.ts'

describe('minimalCliqueGenesis', () => {
  const high = '0xFFfFfFffFFfffFFfFFfFFFFFffFFFffffFfFFFfF' as const
  const low = '0x0000000000000000000000000000000000000001' as const

  it('lists the sealers in ascending order between a 32-byte vanity and a 65-byte seal', () => {
    const genesis = minimalCliqueGenesis({
      chainId: 2789,
      period: 1,
      sealers: [high, low],
      gasLimit: 30_000_000n,
      alloc: [],
    })
    assert.equal(
      genesis.extraData,
      `0x${'00'.repeat(32)}0000000000000000000000000000000000000001ffffffffffffffffffffffffffffffffffffffff${'00'.repeat(65)}`,
    )
  })

  it('enables every fork up to London at block 0 and nothing after it', () => {
    const { config } = minimalCliqueGenesis({ chainId: 7, period: 5, sealers: [low], gasLimit: 1n, alloc: [] })
    assert.deepEqual(config, {
      chainId: 7,
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
      clique: { period: 5, epoch: 30000 },
    })
  })

  it('writes gas limit and balances as hex quantities, addresses in lower case', () => {
    const genesis = minimalCliqueGenesis({
      chainId: 2789,
      period: 1,
      sealers: [low],
      gasLimit: 30_000_000n,
      alloc: [{ address: high, balanceWei: 10n ** 24n }],
    })
    assert.equal(genesis.gasLimit, '0x1c9c380')
    assert.equal(genesis.difficulty, '0x1')
    assert.deepEqual(genesis.alloc, {
      '0xffffffffffffffffffffffffffffffffffffffff': { balance: '0xd3c21bcecceda1000000' },
    })
    assert.equal('baseFeePerGas' in genesis, false)
  })
})
