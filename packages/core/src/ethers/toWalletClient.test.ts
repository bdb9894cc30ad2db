import assert from 'node:assert/strict'
import { JsonRpcProvider, Wallet } from 'ethers'
import { createWalletClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import { toEip1193Provider } from './toEip1193Provider.ts'
import { toWalletClient } from './toWalletClient.ts'

const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

describe('toWalletClient and toEip1193Provider: viem objects pass through, ethers ones are adapted', () => {
  const provider = new JsonRpcProvider('http://127.0.0.1:9', 2789, { staticNetwork: true, pollingInterval: 250 })
  after(() => provider.destroy())

  it('returns a viem wallet client as it is', async () => {
    const walletClient = createWalletClient({
      account: privateKeyToAccount(KEY),
      transport: http('http://127.0.0.1:9'),
    })
    assert.equal(await toWalletClient(walletClient), walletClient)
  })

  it("makes a connected ethers Wallet a wallet client with its address, over its provider, polling at the provider's interval", async () => {
    const walletClient = await toWalletClient(new Wallet(KEY, provider))
    assert.equal(walletClient.account.address, privateKeyToAccount(KEY).address)
    assert.equal(walletClient.account.type, 'local')
    assert.equal(walletClient.transport.key, 'ethers')
    assert.equal(walletClient.pollingInterval, 250)
  })

  it('refuses a Wallet without a provider (ETHERS_SIGNER_NO_PROVIDER) and one on a provider without send (ETHERS_PROVIDER_UNSUPPORTED)', async () => {
    await assert.rejects(
      toWalletClient(new Wallet(KEY)),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_SIGNER_NO_PROVIDER',
    )
    const noSend = { getNetwork: async () => ({ chainId: 2789n }) }
    const wallet = new Wallet(KEY)
    // a signer whose provider is not a JSON-RPC one (an ethers FallbackProvider has no send either)
    const signer = {
      provider: noSend,
      getAddress: () => wallet.getAddress(),
      signMessage: (message: string | Uint8Array) => wallet.signMessage(message),
      signTypedData: wallet.signTypedData.bind(wallet),
      signTransaction: wallet.signTransaction.bind(wallet),
    }
    await assert.rejects(
      toWalletClient(signer),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_PROVIDER_UNSUPPORTED',
    )
  })

  it('returns an EIP-1193 provider or a URL as it is and wraps an ethers provider', () => {
    const eip1193 = { request: async () => '0x1' }
    assert.equal(toEip1193Provider(eip1193), eip1193)
    assert.equal(toEip1193Provider('http://127.0.0.1:9'), 'http://127.0.0.1:9')
    const wrapped = toEip1193Provider(provider)
    assert.notEqual(wrapped, provider)
    assert.equal(typeof (wrapped as { request?: unknown }).request, 'function')
  })
})
