import assert from 'node:assert/strict'
import { FallbackProvider, JsonRpcProvider, Wallet } from 'ethers'
import { createPublicClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import { isEthersProvider } from './isEthersProvider.ts'
import { isEthersSigner } from './isEthersSigner.ts'
import { toViemAccount } from './toViemAccount.ts'
import { toViemClient } from './toViemClient.ts'

const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

describe('the boundary normalizers: viem objects pass through, ethers objects are adapted', () => {
  const provider = new JsonRpcProvider('http://127.0.0.1:9', 2789, { staticNetwork: true })
  after(() => provider.destroy())

  it('tells an ethers provider from a viem client and an EIP-1193 provider', () => {
    const viemClient = createPublicClient({ transport: http('http://127.0.0.1:9') })
    assert.equal(isEthersProvider(provider), true)
    assert.equal(isEthersProvider(viemClient), false)
    assert.equal(
      isEthersProvider({ request: async () => null, send: async () => null, getNetwork: async () => 1 }),
      false,
    )
    assert.equal(isEthersProvider(null), false)
    assert.equal(toViemClient(viemClient), viemClient)
    const adapted = toViemClient(provider)
    assert.notEqual(adapted, provider)
    assert.equal(adapted.transport.key, 'ethers')
  })

  it('refuses an ethers provider without send, a FallbackProvider, and an ethers v5-style signer, by name', async () => {
    const fallback = new FallbackProvider([provider], 2789)
    assert.throws(
      () => toViemClient(fallback as never),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_PROVIDER_UNSUPPORTED',
    )
    fallback.destroy()
    const v5Style = { getAddress: async () => privateKeyToAccount(KEY).address, _signTypedData: async () => '0x' }
    await assert.rejects(
      toViemAccount(v5Style as never),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGNER_UNSUPPORTED' &&
        error.shortMessage === 'the ethers signer has no signMessage()',
    )
  })

  it('tells an ethers signer from a viem account', async () => {
    const viemAccount = privateKeyToAccount(KEY)
    const wallet = new Wallet(KEY)
    assert.equal(isEthersSigner(wallet), true)
    assert.equal(isEthersSigner(viemAccount), false)
    assert.equal(isEthersSigner('0x'), false)
    assert.equal(await toViemAccount(viemAccount), viemAccount)
    const adapted = await toViemAccount(wallet)
    assert.notEqual(adapted, wallet)
    assert.equal(adapted.address, viemAccount.address)
  })
})
