import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { JsonRpcProvider, JsonRpcSigner, Wallet } from 'ethers'
import { Secret } from '../secrets/Secret.ts'
import { EthersAdapterError } from './EthersAdapterError.ts'
import { toSignerKey } from './toSignerKey.ts'

const KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

describe('toSignerKey: a raw signing key from a Secret or an ethers Wallet', () => {
  it('returns a Secret as it is', () => {
    const secret = new Secret(KEY as `0x${string}`)
    assert.equal(toSignerKey(secret), secret)
  })

  it("takes an ethers Wallet's key into a Secret that prints as [redacted]", () => {
    const key = toSignerKey(new Wallet(KEY))
    assert.equal(key.reveal(), KEY)
    assert.equal(inspect(key), 'Secret([redacted])')
    assert.equal(JSON.stringify({ key }), '{"key":"[redacted]"}')
  })

  it('refuses a signer without a key, a JsonRpcSigner, naming no key (ETHERS_SIGNER_UNSUPPORTED)', () => {
    const provider = new JsonRpcProvider('http://127.0.0.1:9', 2789, { staticNetwork: true })
    assert.throws(
      () => toSignerKey(new JsonRpcSigner(provider, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')),
      (error: unknown) =>
        error instanceof EthersAdapterError &&
        error.code === 'ETHERS_SIGNER_UNSUPPORTED' &&
        error.shortMessage === 'this API signs with a raw key: pass a Secret key or an ethers Wallet',
    )
    provider.destroy()
  })
})
