import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { deriveSKAtPath } from './deriveSKAtPath.ts'
import { parseEip2334Path } from './parseEip2334Path.ts'
import { signingKeyPath } from './signingKeyPath.ts'
import { withdrawalKeyPath } from './withdrawalKeyPath.ts'

describe('EIP-2334 paths', () => {
  it('parses signing and withdrawal paths', () => {
    assert.deepEqual(parseEip2334Path('m/12381/3600/7/0/0'), {
      index: 7,
      use: 'signing',
      nodes: [12381, 3600, 7, 0, 0],
      path: 'm/12381/3600/7/0/0',
    })
    assert.deepEqual(parseEip2334Path('m/12381/3600/4294967295/0'), {
      index: 4294967295,
      use: 'withdrawal',
      nodes: [12381, 3600, 4294967295, 0],
      path: 'm/12381/3600/4294967295/0',
    })
    assert.equal(signingKeyPath(3), 'm/12381/3600/3/0/0')
    assert.equal(withdrawalKeyPath(3), 'm/12381/3600/3/0')
  })
  for (const path of [
    'm/12381/60/0/0',
    'm/12381/3600/0',
    'm/12381/3600/0/0/0/0',
    'm/12381/3600/0/1/0',
    "m/12381'/3600'/0'/0'/0'",
    'm/12381/3600/01/0/0',
    'm/12381/3600/4294967296/0/0',
    '12381/3600/0/0/0',
    '',
  ]) {
    it(`refuses ${JSON.stringify(path)} with KEYS_PATH_INVALID`, () => {
      assert.throws(
        () => parseEip2334Path(path),
        (error) => isChainopsError(error, 'KEYS_PATH_INVALID'),
      )
    })
  }
  it('deriveSKAtPath derives level by level as blst does', () => {
    const seed = new Uint8Array(64).map((_, i) => i)
    const ours = deriveSKAtPath({ seed, path: 'm/12381/3600/2/0/0' })
    let blst = SecretKey.deriveMasterEip2333(seed)
    for (const node of [12381, 3600, 2, 0, 0]) blst = blst.deriveChildEip2333(node)
    assert.deepEqual(ours.reveal(), blst.toBytes())
    assert.throws(
      () => deriveSKAtPath({ seed, path: 'm/44/60/0/0/0' }),
      (error) => isChainopsError(error, 'KEYS_PATH_INVALID'),
    )
  })
})
