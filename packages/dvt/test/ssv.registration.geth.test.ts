import assert from 'node:assert/strict'
import { type SafeDevnet, startSafeDevnet } from '@chainops/testkit'
import { type Hex, http, keccak256 } from 'viem'
import { localWallet, runSsvRegistrationScenario } from './ssvRegistrationScenario.ts'

// Public-label test keys (recomputable by anyone, never holding value).
const key = (label: string): Hex => keccak256(new TextEncoder().encode(`chainops-test-ssv-registration-geth-${label}`))

describe('SSV registration on SSVNetworkDouble, real geth v1.13.15 Clique devnet @integration', () => {
  let devnet: SafeDevnet | undefined

  after(async () => {
    await devnet?.stop()
  })

  it('registers 4 operators, 2 validators one by one, a third in bulk with two more and 1 from an ssv-keys file, from DVTNodeKeys EOAs; logs equal the double state; a stale nonce sends nothing', async function () {
    this.timeout(240_000)
    devnet = await startSafeDevnet({ sealerKeys: [key('sealer')], faucetKey: key('faucet'), label: 'dvt-ssv' })
    const { chain, rpcUrl, publicClient, walletClient } = devnet
    const transport = http(rpcUrl)
    const result = await runSsvRegistrationScenario({
      publicClient,
      funder: walletClient,
      walletFor: (account) => localWallet(account, chain, transport),
    })
    assert.deepEqual(result.operatorIds, [1n, 2n, 3n, 4n])
    assert.equal(result.cluster.validatorCount, 5)
  })
})
