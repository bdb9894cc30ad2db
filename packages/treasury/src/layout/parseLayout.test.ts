import assert from 'node:assert/strict'
import { defaultLayout } from './defaultLayout.ts'
import { findLayoutRole } from './findLayoutRole.ts'
import { parseLayout } from './parseLayout.ts'

const paths = (json: unknown, tier: string) =>
  parseLayout(json)
    .tiers.find((t) => t.name === tier)
    ?.roles.map((r) => `${r.role} ${r.path}`)

describe('parseLayout', () => {
  it('an empty spec is the source layout: tiers A-D, two payout tiers, the source paths', () => {
    const layout = parseLayout('{}')
    assert.deepEqual(layout, defaultLayout())
    assert.deepEqual(
      layout.tiers.map((t) => `${t.letter}:${t.name}:${t.roles.length}`),
      [
        'A:MasterAdminVault:4',
        'B:ProtocolOperations:4',
        'C:DVTNodeKeys:8',
        'D:TeamFunds:1',
        'E:PersonalPayout1:1',
        'F:PersonalPayout2:1',
      ],
    )
    assert.deepEqual(paths({}, 'MasterAdminVault'), [
      "SafeOwner1 m/44'/60'/0'/0/0",
      "SafeOwner2 m/44'/60'/0'/0/1",
      "SafeOwner3 m/44'/60'/0'/0/2",
      "SplitsController m/44'/60'/1'/0/0",
    ])
    assert.deepEqual(paths({}, 'ProtocolOperations'), [
      "LidoCSM m/44'/60'/0'/0/0",
      "RocketPool m/44'/60'/1'/0/0",
      "Puffer m/44'/60'/2'/0/0",
      "Diva m/44'/60'/3'/0/0",
    ])
    assert.deepEqual(paths({}, 'TeamFunds'), ["TeamPool m/44'/60'/0'/0/0"])
    assert.deepEqual(paths({}, 'PersonalPayout2'), ["Payout m/44'/60'/0'/0/0"])
  })

  it("extends from JSON alone: owners, a fifth protocol at 4', clusters of N operators, members", () => {
    const spec = {
      MasterAdminVault: { safeOwners: 5 },
      ProtocolOperations: { protocols: ['LidoCSM', 'RocketPool', 'Puffer', 'Diva', 'EtherFi'] },
      DVTNodeKeys: { ssvClusters: [4, 7], obolClusters: [1, 1] },
      PersonalPayouts: { members: 3 },
    }
    assert.equal(paths(spec, 'MasterAdminVault')?.[4], "SafeOwner5 m/44'/60'/0'/0/4")
    assert.equal(paths(spec, 'ProtocolOperations')?.[4], "EtherFi m/44'/60'/4'/0/0")
    const dvt = paths(spec, 'DVTNodeKeys') ?? []
    assert.equal(dvt.length, 13)
    assert.equal(dvt[10], "SSVCluster2Operator7 m/44'/60'/1'/0/6")
    assert.deepEqual(dvt.slice(11), [
      "ObolCluster1Operator1 m/44'/60'/10'/0/0",
      "ObolCluster2Operator1 m/44'/60'/11'/0/0",
    ])
    assert.equal(parseLayout(spec).tiers.at(-1)?.name, 'PersonalPayout3')
    assert.equal(parseLayout(spec).tiers.at(-1)?.letter, 'G')
  })

  const refusals: [string, unknown, string][] = [
    [
      "an 11th SSV cluster lands on Obol cluster 1 (10')",
      { DVTNodeKeys: { ssvClusters: Array(11).fill(1) } },
      'LAYOUT_PATH_OVERLAP',
    ],
    [
      'a pinned protocol on an account already used',
      { ProtocolOperations: { protocols: ['LidoCSM', { name: 'X', account: 0 }] } },
      'LAYOUT_PATH_OVERLAP',
    ],
    [
      'an extra role on a Safe owner path',
      { MasterAdminVault: { extraRoles: [{ role: 'Gas', account: 0, index: 1 }] } },
      'LAYOUT_PATH_OVERLAP',
    ],
    [
      'the splits controller moved onto the owners account',
      { MasterAdminVault: { splitsControllerAccount: 0 } },
      'LAYOUT_PATH_OVERLAP',
    ],
    [
      'a protocol named twice',
      { ProtocolOperations: { protocols: ['LidoCSM', { name: 'LidoCSM', account: 9 }] } },
      'LAYOUT_ROLE_DUPLICATE',
    ],
    ['an unknown key (typo)', { MasterAdminVault: { safeOwner: 5 } }, 'LAYOUT_INVALID'],
    ['zero owners', { MasterAdminVault: { safeOwners: 0 } }, 'LAYOUT_INVALID'],
    ['an account index of 2^31', { TeamFunds: { extraRoles: [{ role: 'X', account: 2 ** 31 }] } }, 'LAYOUT_INVALID'],
    ['change 2', { TeamFunds: { extraRoles: [{ role: 'X', account: 1, change: 2 }] } }, 'LAYOUT_INVALID'],
    ['text that is not JSON', '{"MasterAdminVault":', 'LAYOUT_INVALID'],
  ]
  for (const [what, input, code] of refusals) {
    it(`refuses ${what} with ${code}`, () => {
      assert.throws(() => parseLayout(input), { name: 'TreasuryError', code })
    })
  }

  it('names the overlapping roles and the shared path', () => {
    assert.throws(() => parseLayout({ DVTNodeKeys: { ssvClusters: Array(11).fill(1) } }), {
      code: 'LAYOUT_PATH_OVERLAP',
      details: "SSVCluster11Operator1 and ObolCluster1Operator1 both at m/44'/60'/10'/0/0",
    })
  })
})

describe('findLayoutRole', () => {
  const layout = defaultLayout()
  it('finds a role by tier and path, in either hardened notation', () => {
    assert.equal(findLayoutRole(layout, 'ProtocolOperations', "m/44'/60'/1'/0/0").role, 'RocketPool')
    assert.equal(findLayoutRole(layout, 'ProtocolOperations', 'm/44h/60h/1h/0/0').role, 'RocketPool')
  })
  it('refuses a path the tier does not name with LAYOUT_PATH_OUTSIDE', () => {
    assert.throws(() => findLayoutRole(layout, 'MasterAdminVault', "m/44'/60'/0'/0/3"), { code: 'LAYOUT_PATH_OUTSIDE' })
    assert.throws(() => findLayoutRole(layout, 'TeamFunds', "m/44'/60'/1'/0/0"), { code: 'LAYOUT_PATH_OUTSIDE' })
  })
  it('refuses an unknown tier and a malformed path', () => {
    assert.throws(() => findLayoutRole(layout, 'Nope', "m/44'/60'/0'/0/0"), { code: 'LAYOUT_TIER_UNKNOWN' })
    assert.throws(() => findLayoutRole(layout, 'TeamFunds', "44'/60'/0'/0/0"), { code: 'LAYOUT_PATH_INVALID' })
    assert.throws(() => findLayoutRole(layout, 'TeamFunds', "m/44'/60'/2147483648'/0/0"), {
      code: 'LAYOUT_PATH_INVALID',
    })
  })
})
