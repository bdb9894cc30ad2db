import assert from 'node:assert/strict'
import { bip39SeedSource, defaultLayout, deriveLayout } from '@chainops/treasury'
import { dvtNodeAccount } from './dvtNodeAccount.ts'
import { KeysError } from './KeysError.ts'

// The BIP-39 test vector mnemonic: public, holds value nowhere.
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

describe('dvtNodeAccount', () => {
  it('gives the EOA deriveLayout names for each SSV cluster 1 operator, with and without a tier passphrase', () => {
    for (const passphrases of [{}, { DVTNodeKeys: 'tier C' }]) {
      const roles = deriveLayout(bip39SeedSource(MNEMONIC), defaultLayout(), passphrases).filter(
        (role) => role.tier === 'DVTNodeKeys' && role.role.startsWith('SSV'),
      )
      assert.equal(roles.length, 4)
      for (const role of roles) {
        const { account, role: name } = dvtNodeAccount({
          seedSource: bip39SeedSource(MNEMONIC),
          path: role.path.replaceAll("'", 'h'),
          passphrase: passphrases.DVTNodeKeys,
        })
        assert.equal(account.address, role.address)
        assert.equal(name, role.role)
      }
    }
  })

  it('refuses a path that is no DVTNodeKeys role, naming the paths it has and no key', () => {
    assert.throws(
      () => dvtNodeAccount({ seedSource: bip39SeedSource(MNEMONIC), path: "m/44'/60'/0'/0/9" }),
      (error: unknown) =>
        error instanceof KeysError &&
        error.code === 'KEYS_LAYOUT_ROLE_UNKNOWN' &&
        /SSVCluster1Operator1 m\/44'\/60'\/0'\/0\/0/.test(error.details ?? '') &&
        !error.message.includes('abandon'),
    )
  })
})
