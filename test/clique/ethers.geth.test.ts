import assert from 'node:assert/strict'
import { CliqueError, discard, getSigners, getSnapshot, propose, sealerHealth } from '@chainops/clique'
import { EthersAdapterError, fromEthersProvider } from '@chainops/core/ethers'
import { type GethCliqueNetwork, startGethClique } from '@chainops/devnet'
import { pollUntil } from '@chainops/testkit'
import { JsonRpcProvider } from 'ethers'
import { createPublicClient, type Hex, http, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

// Fixed keys so a failure can be replayed; these accounts exist only on the throwaway devnet.
const sealerKey = '0x00000000000000000000000000000000000000000000000000000000e7e75001' as Hex
const candidateKey = '0x00000000000000000000000000000000000000000000000000000000e7e75002' as Hex
const sealer = privateKeyToAccount(sealerKey).address
const candidate = privateKeyToAccount(candidateKey).address
const sorted = [sealer, candidate].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))

describe('Clique actions driven through an ethers v6 JsonRpcProvider on real geth @integration', function () {
  this.timeout(180_000)
  let net: GethCliqueNetwork
  let provider: JsonRpcProvider
  let viemClient: PublicClient

  before(async () => {
    net = await startGethClique({ sealers: 1, period: 1, sealerKeys: [sealerKey], candidateKeys: [candidateKey] })
    const url = net.sealers[0]?.rpcUrl as string
    provider = new JsonRpcProvider(url, net.chainId, { staticNetwork: true })
    viemClient = createPublicClient({ transport: http(url, { retryCount: 0 }) })
  })
  after(async () => {
    provider?.destroy()
    await net?.stop()
  })

  it('reads the genesis signer with getSigners and getSnapshot over ethers, as over viem', async () => {
    assert.deepEqual(await getSigners(provider), [sealer])
    const head = await viemClient.getBlockNumber()
    const viaEthers = await getSnapshot(provider, { blockNumber: head })
    const viaViem = await getSnapshot(viemClient, { blockNumber: head })
    assert.deepEqual(viaEthers, viaViem)
    assert.deepEqual(viaEthers.signers, [sealer])
    assert.equal(viaEthers.number, head)
  })

  it('votes a candidate in with propose over ethers, then withdraws the vote with discard over ethers', async () => {
    await propose(provider, { address: candidate, auth: true })
    const signers = await pollUntil({
      description: 'the candidate voted in',
      condition: async () => {
        const now = await getSigners(provider)
        return now.length === 2 ? now : undefined
      },
      timeoutMs: 30_000,
      intervalMs: 200,
    })
    assert.deepEqual(signers, sorted)
    assert.deepEqual(await getSigners(viemClient), sorted)
    // The sealer keeps its own proposals until discarded (clique_proposals lists them).
    const proposals = () =>
      viemClient.request({ method: 'clique_proposals' } as never) as Promise<Record<string, boolean>>
    assert.deepEqual(await proposals(), { [candidate.toLowerCase()]: true })
    await discard(provider, { address: candidate })
    assert.deepEqual(await proposals(), {})
  })

  it('sealerHealth over ethers (and an ethers sealer client) reports what it reports over viem at one head', async () => {
    const head = await viemClient.getBlockNumber()
    await pollUntil({
      description: 'the head to move past the window',
      condition: async () => ((await viemClient.getBlockNumber()) > head ? true : undefined),
      timeoutMs: 30_000,
      intervalMs: 200,
    })
    // Both reads name the signers; the window is the last 3 blocks of whichever head each sees, so
    // compare what does not depend on the head: signers, quorum, and that each sealed in its window.
    const viaEthers = await sealerHealth(provider, { blocks: 3, period: 1, sealerClients: [provider] })
    const viaViem = await sealerHealth(viemClient, { blocks: 3, period: 1, sealerClients: [viemClient] })
    assert.deepEqual(
      viaEthers.signers.map((s) => s.address),
      viaViem.signers.map((s) => s.address),
    )
    assert.deepEqual(
      viaEthers.signers.map((s) => s.address),
      sorted,
    )
    assert.equal(viaEthers.quorum, viaViem.quorum)
    assert.equal(viaEthers.forkStall, null)
    assert.equal(viaEthers.head - viaEthers.from, 2n)
    assert.ok(viaEthers.head >= head + 1n)
  })

  it('refuses, naming both chains, a provider on another chain than the one expected', async () => {
    await assert.rejects(getSigners(fromEthersProvider(provider, { chainId: 1 })), (error: unknown) => {
      const mismatch = (error as CliqueError).walk((e) => e instanceof EthersAdapterError) as EthersAdapterError
      return (
        error instanceof CliqueError &&
        error.code === 'CLIQUE_RPC_FAILED' &&
        mismatch.code === 'ETHERS_CHAIN_MISMATCH' &&
        mismatch.shortMessage === 'the ethers provider is on chain 2789, not 1'
      )
    })
  })
})
