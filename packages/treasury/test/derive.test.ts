import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { bip39SeedSource, defaultLayout, deriveLayout, parseLayout, slip39SeedSource } from '@chainops/treasury'
import { HDKey } from '@scure/bip32'
import { publicKeyToAddress } from '../src/derive/publicKeyToAddress.ts'

// Known answers are read from ../shared/vectors beside the repository (its README names each source).
const vectors = new URL('../../../../shared/vectors/', import.meta.url)
const fixture = JSON.parse(readFileSync(new URL('trezor/ethereum-getaddress.json', vectors), 'utf8')) as {
  setup: { mnemonic: string; passphrase: string }
  tests: { parameters: { path: string }; result: { address: string } }[]
}
const ALL = fixture.setup.mnemonic

// Distinct passphrases per tier, as the source prescribes: one hidden wallet per tier.
const passphrasesA = {
  MasterAdminVault: 'admin vault',
  ProtocolOperations: 'protocol ops',
  DVTNodeKeys: 'dvt node keys',
  TeamFunds: 'team funds',
  PersonalPayout1: 'member one',
  PersonalPayout2: 'member two',
}
const passphrasesB = Object.fromEntries(Object.entries(passphrasesA).map(([tier, p]) => [tier, `${p} (other)`]))

describe('deriveLayout', () => {
  it('matches the Trezor firmware address fixtures for every five-level path (all-all seed, empty passphrase)', () => {
    const fivelevel = fixture.tests.filter((t) => t.parameters.path.split('/').length === 6)
    assert.deepEqual(
      fivelevel.map((t) => t.parameters.path),
      ["m/44'/60'/0'/0/0", "m/44'/60'/0'/0/100", "m/44'/61'/0'/0/0"],
    )
    for (const test of fivelevel) {
      const coinType = Number.parseInt(test.parameters.path.split('/')[2] as string, 10)
      // 101 Safe owners put owners at 0'/0/0 and 0'/0/100, where the fixtures are.
      const layout = parseLayout({ coinType, MasterAdminVault: { safeOwners: 101 } })
      const derived = deriveLayout(bip39SeedSource(ALL), layout)
      const role = derived.find((r) => r.tier === 'MasterAdminVault' && r.path === test.parameters.path)
      assert.equal(role?.address, test.result.address)
    }
  })

  it('derives the whole layout for two members: 19 roles, every address different', () => {
    const derived = deriveLayout(bip39SeedSource(ALL), defaultLayout(), passphrasesA)
    assert.equal(derived.length, 19)
    assert.equal(new Set(derived.map((r) => r.address)).size, 19)
    assert.deepEqual(derived.map((r) => `${r.tier}/${r.role}`).slice(0, 5), [
      'MasterAdminVault/SafeOwner1',
      'MasterAdminVault/SafeOwner2',
      'MasterAdminVault/SafeOwner3',
      'MasterAdminVault/SplitsController',
      'ProtocolOperations/LidoCSM',
    ])
    for (const role of derived) assert.match(role.address, /^0x[0-9a-fA-F]{40}$/)
  })

  it('gives a disjoint set of addresses for the same seed under other passphrases', () => {
    const a = deriveLayout(bip39SeedSource(ALL), defaultLayout(), passphrasesA).map((r) => r.address)
    const b = deriveLayout(bip39SeedSource(ALL), defaultLayout(), passphrasesB).map((r) => r.address)
    assert.equal(new Set([...a, ...b]).size, a.length + b.length)
  })

  it('uses the empty passphrase for a tier left out: the firmware fixture address', () => {
    const derived = deriveLayout(bip39SeedSource(ALL), defaultLayout(), { ProtocolOperations: 'x' })
    assert.equal(derived[0]?.address, '0x73d0385F4d8E00C5e6504C6030F47BF6212736A8')
    assert.notEqual(derived.find((r) => r.role === 'LidoCSM')?.address, '0x73d0385F4d8E00C5e6504C6030F47BF6212736A8')
  })

  it('derives from a single 20-word SLIP-39 share, its passphrase decrypting the master secret', () => {
    const share = [
      'duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard',
    ]
    const withTrezor = deriveLayout(slip39SeedSource(share), defaultLayout(), { MasterAdminVault: 'TREZOR' })
    const withEmpty = deriveLayout(slip39SeedSource(share), defaultLayout())
    assert.notEqual(withTrezor[0]?.address, withEmpty[0]?.address)
    // The vector's xprv is the BIP-32 root of that master secret under "TREZOR".
    const root = HDKey.fromExtendedKey(
      'xprv9s21ZrQH143K4QViKpwKCpS2zVbz8GrZgpEchMDg6KME9HZtjfL7iThE9w5muQA4YPHKN1u5VM1w8D4pvnjxa2BmpGMfXr7hnRrRHZ93awZ',
    )
    const owner1 = root.derive("m/44'/60'/0'/0/0")
    assert.equal(withTrezor[0]?.address, publicKeyToAddress(owner1.publicKey as Uint8Array))
  })

  it('refuses a passphrase for a tier the layout does not have', () => {
    assert.throws(() => deriveLayout(bip39SeedSource(ALL), defaultLayout(), { MasterAdminVualt: 'x' }), {
      code: 'PASSPHRASE_TIER_UNKNOWN',
    })
  })
})
