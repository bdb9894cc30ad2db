import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { isPidAlive } from '@chainops/devnet'
import type { Abi } from 'viem'
import { type SafeDevnet, startSafeDevnet } from './startSafeDevnet.ts'

const require = createRequire(import.meta.url)
const safeAbi = (require('@safe-global/safe-contracts/build/artifacts/contracts/Safe.sol/Safe.json') as { abi: Abi })
  .abi

describe('startSafeDevnet @integration', function () {
  this.timeout(120_000)
  let devnet: SafeDevnet | undefined

  after(async () => {
    await devnet?.stop()
  })

  it('puts the Safe singleton factory in the genesis and deploys Safe v1.4.1 at its canonical addresses', async () => {
    devnet = await startSafeDevnet({ safeContracts: true, label: 'testkit-safe' })
    const { publicClient, safeSingletonFactory, safeContracts } = devnet
    // The canonical addresses of safe-deployments (v1.4.1, "canonical"), reached here by CREATE2 alone.
    assert.equal(safeSingletonFactory, '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7')
    assert.equal(safeContracts?.Safe, '0x41675C099F32341bf84BFc5382aF534df5C7461a')
    assert.equal(safeContracts?.SafeProxyFactory, '0x4e1DCf7AD4e460CfD30791CCC4F9c8a4f820ec67')
    // In the genesis with nonce 1, as CREATE would have left it; each CREATE2 since raised it by one.
    assert.equal(await publicClient.getTransactionCount({ address: safeSingletonFactory, blockNumber: 0n }), 1)
    assert.equal(await publicClient.getTransactionCount({ address: safeSingletonFactory }), 10)
    const version = await publicClient.readContract({
      address: safeContracts.Safe,
      abi: safeAbi,
      functionName: 'VERSION',
    })
    assert.equal(version, '1.4.1')
    for (const address of Object.values(safeContracts))
      assert.ok(((await publicClient.getCode({ address })) ?? '0x') !== '0x')
  })

  it('stop() leaves no geth of it running', async () => {
    const pids = devnet?.network.pids() ?? []
    assert.ok(pids.length > 0)
    await devnet?.stop()
    assert.deepEqual(pids.filter(isPidAlive), [])
  })
})
