import assert from 'node:assert/strict'
import { gethConfig } from '@chainops/clique'
import { isChainopsError } from '@chainops/core'
import { minterTxPoolArgs } from './minterTxPoolArgs.ts'
import { minterTxPoolLimits } from './minterTxPoolLimits.ts'

describe('minterTxPoolLimits / minterTxPoolArgs', () => {
  it('sizes the pool for 4096 transactions of one key in flight by default', () => {
    assert.deepEqual(minterTxPoolLimits(), {
      accountSlots: 4096,
      globalSlots: 8192,
      accountQueue: 4096,
      globalQueue: 8192,
    })
  })

  it('gives the same limits as geth flags for a devnet node', () => {
    assert.deepEqual(minterTxPoolArgs(1000), [
      '--txpool.accountslots',
      '1000',
      '--txpool.globalslots',
      '2000',
      '--txpool.accountqueue',
      '1000',
      '--txpool.globalqueue',
      '2000',
    ])
  })

  it('fits @chainops/clique gethConfig: the generated TOML of every node carries the limits', () => {
    const { nodes } = gethConfig({
      networkId: 2789,
      gasLimit: 10_500_000n,
      txPool: minterTxPoolLimits(),
      nodes: [
        {
          name: 'sealer-a',
          role: 'sealer',
          host: '10.0.0.1',
          enodeId: `0x${'11'.repeat(64)}`,
          signer: '0x00000000000000000000000000000000000000a1',
        },
        { name: 'rpc-1', role: 'rpc', host: '10.0.0.2', enodeId: `0x${'22'.repeat(64)}` },
      ],
    })
    for (const node of nodes)
      for (const line of ['AccountSlots = 4096', 'GlobalSlots = 8192', 'AccountQueue = 4096', 'GlobalQueue = 8192'])
        assert.ok(node.toml.includes(line), `${node.name} lacks ${line}`)
  })

  it('refuses a window under 16', () => {
    assert.throws(
      () => minterTxPoolLimits(8),
      (error) => isChainopsError(error, 'MINT_INVALID_PARAMETERS'),
    )
  })
})
