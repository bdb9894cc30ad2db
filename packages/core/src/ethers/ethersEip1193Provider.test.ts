import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { JsonRpcProvider } from 'ethers'
import { EthersAdapterError } from './EthersAdapterError.ts'
import { ethersEip1193Provider } from './ethersEip1193Provider.ts'

// A JSON-RPC endpoint that answers a fixed table: enough to see what a real ethers provider makes
// of a node's result and of a node's error, and what the adapter hands viem.
const answers: Record<string, { result?: unknown; error?: { code: number; message: string; data?: string } }> = {
  eth_chainId: { result: '0xae5' },
  eth_blockNumber: { result: '0x2a' },
  eth_call: { error: { code: 3, message: 'execution reverted', data: '0x08c379a0' } },
  eth_sendRawTransaction: { error: { code: -32000, message: 'nonce too low: next nonce 5, tx nonce 4' } },
}

describe('ethersEip1193Provider: EIP-1193 requests over an ethers v6 provider', () => {
  let server: Server
  let provider: JsonRpcProvider
  const seen: string[] = []

  before(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        const payload = JSON.parse(body) as { id: number; method: string } | Array<{ id: number; method: string }>
        const one = (p: { id: number; method: string }) => {
          seen.push(p.method)
          return { jsonrpc: '2.0', id: p.id, ...(answers[p.method] ?? { error: { code: -32601, message: 'no' } }) }
        }
        response.setHeader('content-type', 'application/json')
        response.end(JSON.stringify(Array.isArray(payload) ? payload.map(one) : one(payload)))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    provider = new JsonRpcProvider(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
  })
  after(() => {
    provider.destroy()
    server.close()
  })

  it("passes a request to send() and returns the node's result", async () => {
    assert.equal(await ethersEip1193Provider(provider).request({ method: 'eth_blockNumber' }), '0x2a')
  })

  it("rethrows a node error that ethers wrapped as the node's { code, message, data }", async () => {
    const eip1193 = ethersEip1193Provider(provider)
    await assert.rejects(eip1193.request({ method: 'eth_call', params: [{ to: '0x' + '11'.repeat(20) }, 'latest'] }), {
      code: 3,
      message: 'execution reverted',
      data: '0x08c379a0',
    })
    await assert.rejects(eip1193.request({ method: 'eth_sendRawTransaction', params: ['0x00'] }), {
      code: -32000,
      message: 'nonce too low: next nonce 5, tx nonce 4',
    })
  })

  it('checks the chain once before the first request when a chain id is expected', async () => {
    seen.length = 0
    const eip1193 = ethersEip1193Provider(provider, { chainId: 2789 })
    assert.equal(await eip1193.request({ method: 'eth_blockNumber' }), '0x2a')
    assert.equal(await eip1193.request({ method: 'eth_blockNumber' }), '0x2a')
    assert.deepEqual(seen, ['eth_chainId', 'eth_blockNumber', 'eth_blockNumber'])
  })

  it('refuses every request on another chain (ETHERS_CHAIN_MISMATCH), asking the chain id once and sending none', async () => {
    seen.length = 0
    const eip1193 = ethersEip1193Provider(provider, { chainId: 1 })
    for (let i = 0; i < 2; i++)
      await assert.rejects(eip1193.request({ method: 'eth_blockNumber' }), (error: unknown) => {
        const cause = (error as { cause?: unknown }).cause
        return (
          (error as { code?: unknown }).code === 4901 &&
          (error as Error).message === 'the ethers provider is on chain 2789, not 1' &&
          cause instanceof EthersAdapterError &&
          cause.code === 'ETHERS_CHAIN_MISMATCH'
        )
      })
    assert.deepEqual(seen, ['eth_chainId'])
  })

  it('refuses a provider without send() (ETHERS_PROVIDER_UNSUPPORTED) and a chain id that is not one', () => {
    assert.throws(
      () => ethersEip1193Provider({ getNetwork: provider.getNetwork.bind(provider) } as never),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_PROVIDER_UNSUPPORTED',
    )
    assert.throws(
      () => ethersEip1193Provider(provider, { chainId: 0 }),
      (error: unknown) => error instanceof EthersAdapterError && error.code === 'ETHERS_CHAIN_MISMATCH',
    )
  })
})
