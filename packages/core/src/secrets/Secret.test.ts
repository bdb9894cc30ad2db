import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { ChainopsError } from '../errors/ChainopsError.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { isSecret } from './isSecret.ts'
import { Secret } from './Secret.ts'
import { SecretError } from './SecretError.ts'

// a BIP-39 vector phrase (trezor/python-mnemonic vectors.json)
const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'

function leaks(text: string): boolean {
  return text.includes('legal') || text.includes('winner')
}

describe('Secret', () => {
  it('reveals its value and nothing else does', () => {
    const secret = new Secret(MNEMONIC)
    assert.equal(secret.reveal(), MNEMONIC)
    assert.equal(secret.wiped, false)
    assert.ok(isSecret(secret))
    assert.ok(!isSecret(MNEMONIC))
    assert.ok(!isSecret({ reveal: () => MNEMONIC }))
  })

  it('prints as [redacted] through String(), templates, concatenation, JSON and util.inspect', () => {
    const secret = new Secret(MNEMONIC)
    assert.equal(String(secret), '[redacted]')
    assert.equal(`${secret}`, '[redacted]')
    assert.equal(`seed: ${secret}!`, 'seed: [redacted]!')
    assert.equal('' + secret, '[redacted]')
    assert.equal(secret.toString(), '[redacted]')
    assert.equal(JSON.stringify(secret), '"[redacted]"')
    assert.equal(JSON.stringify({ wallet: { secret } }), '{"wallet":{"secret":"[redacted]"}}')
    assert.equal(inspect(secret), 'Secret([redacted])')
    assert.equal(inspect({ nested: [{ secret }] }, { depth: 10 }), '{ nested: [ { secret: Secret([redacted]) } ] }')
    assert.equal(inspect(secret, { showHidden: true, depth: 10, customInspect: true }), 'Secret([redacted])')
    for (const text of [String(secret), inspect(secret), JSON.stringify(secret)]) assert.ok(!leaks(text), text)
  })

  it('has no own property holding the value: keys, spread, structuredClone and inspect without customInspect find nothing', () => {
    const secret = new Secret(MNEMONIC)
    assert.deepEqual(Reflect.ownKeys(secret), [])
    assert.deepEqual({ ...secret }, {})
    assert.ok(Object.isFrozen(secret))
    const clone: unknown = structuredClone(secret)
    assert.deepEqual(clone, {})
    assert.ok(!isSecret(clone))
    assert.ok(!leaks(inspect(clone, { showHidden: true, depth: 10 })))
    assert.ok(!leaks(inspect(secret, { showHidden: true, depth: 10, customInspect: false })))
    const bytes = new Secret(new Uint8Array([1, 2, 3]))
    assert.deepEqual(structuredClone(bytes), {})
  })

  it('wipe() zeroes a Uint8Array value in place and forgets any value', () => {
    const key = new Uint8Array([0x4c, 0x08, 0x83, 0xa6])
    const secret = new Secret(key)
    assert.equal(secret.reveal(), key)
    secret.wipe()
    assert.deepEqual(key, new Uint8Array(4))
    assert.equal(secret.wiped, true)
    secret.wipe() // twice is harmless
    const text = new Secret(MNEMONIC)
    text.wipe()
    assert.equal(text.wiped, true)
  })

  it('reveal() after wipe() throws SecretError SECRET_WIPED, which carries no value', () => {
    const secret = new Secret(MNEMONIC)
    secret.wipe()
    assert.throws(
      () => secret.reveal(),
      (error: unknown) => {
        assert.ok(error instanceof SecretError)
        assert.ok(error instanceof ChainopsError)
        assert.ok(isChainopsError(error, 'SECRET_WIPED'))
        assert.equal(error.shortMessage, 'Secret was wiped')
        assert.ok(!leaks(inspect(error, { depth: 10 })))
        return true
      },
    )
  })
})
