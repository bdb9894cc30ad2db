import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { bytesToHex } from 'viem'
import { computeDepositDomain } from './computeDepositDomain.ts'
import { depositNetworks } from './depositNetworks.ts'

// The domains ethstaker-deposit 1.3.1 computes (`compute_deposit_domain`); mainnet's is also the
// one every deposit on mainnet is signed over.
const DOMAINS = {
  mainnet: '0x03000000f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a9',
  holesky: '0x030000005b83a23759c560b2d0c64576e1dcfc34ea94c4988f3e0d9f77f05387',
  hoodi: '0x03000000719103511efa4f1362ff2a50996cccf329cc84cb410c5e5c7d351d03',
} as const

describe('computeDepositDomain', () => {
  for (const [network, domain] of Object.entries(DOMAINS)) {
    it(`gives ${network}'s deposit domain from its genesis fork version`, () => {
      const { genesisForkVersion } = depositNetworks[network as keyof typeof DOMAINS]
      assert.equal(bytesToHex(computeDepositDomain(genesisForkVersion)), domain)
    })
  }

  it('takes the fork version as bytes too', () => {
    assert.equal(bytesToHex(computeDepositDomain(new Uint8Array(4))), DOMAINS.mainnet)
  })

  it('refuses a fork version that is not 4 bytes', () => {
    assert.throws(
      () => computeDepositDomain('0x000000'),
      (e) => isChainopsError(e, 'DEPOSIT_INVALID_INPUT') && /got 3 bytes/.test(e.message),
    )
  })
})
