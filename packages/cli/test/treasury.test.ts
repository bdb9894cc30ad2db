import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bip39SeedSource, defaultLayout, deriveLayout, parseLayout, slip39SeedSource } from '@chainops/treasury'
import { chainops } from './support/chainops.ts'
import { cli } from './support/cli.ts'

// Official vectors, read from ../shared/vectors beside the repository (its README names each
// source and commit): bip39/vectors.json is trezor/python-mnemonic vectors.json, slip39/vectors.json
// is trezor/python-shamir-mnemonic vectors.json, both with the passphrase "TREZOR".
const vectors = new URL('../../../../shared/vectors/', import.meta.url)
const bip39 = JSON.parse(readFileSync(new URL('bip39/vectors.json', vectors), 'utf8')) as { english: string[][] }
const slip39 = JSON.parse(readFileSync(new URL('slip39/vectors.json', vectors), 'utf8')) as [string, string[], string][]
/** bip39/vectors.json english[1]: "legal winner thank year wave sausage worth useful legal winner thank yellow". */
const MNEMONIC = bip39.english[1]?.[1] as string
/** slip39/vectors.json vector 4 "Basic sharing 2-of-3 (128 bits)": two member shares of one group. */
const SHARES = slip39[3]?.[1] as string[]
const PASSPHRASE = 'TREZOR'

/** No word of the mnemonic, no share word run and no passphrase appears in the output. */
function assertNoSecrets(text: string, secrets: { words?: string[]; phrases?: string[] }) {
  for (const word of secrets.words ?? [])
    assert.doesNotMatch(text, new RegExp(`\\b${word}\\b`, 'i'), `word ${word} printed`)
  for (const phrase of secrets.phrases ?? []) assert.ok(!text.includes(phrase), 'a secret phrase was printed')
}

describe('chainops treasury layout | addresses', () => {
  let dir: string
  const file = (name: string, content: string, mode = 0o600) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    chmodSync(path, mode)
    return path
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'chainops-cli-treasury-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('layout --json prints the resolved default layout; the table has one line per role', async () => {
    const json = await cli(['treasury', 'layout', '--json'])
    assert.equal(json.code, 0)
    assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(defaultLayout())))
    const table = await cli(['treasury', 'layout'])
    assert.equal(table.code, 0)
    const lines = table.stdout.split('\n')
    // the header, its rule, then one line per role
    assert.equal(lines.length, 2 + defaultLayout().tiers.reduce((n, tier) => n + tier.roles.length, 0))
    assert.match(lines[1] ?? '', /^- {2}-+ +-+ +-+$/)
    assert.match(lines[2] ?? '', /^A {2}MasterAdminVault +SafeOwner1 +m\/44'\/60'\/0'\/0\/0$/)
  })

  it('layout --layout F extends the layout from a JSON file (5 Safe owners)', async () => {
    const spec = '{"MasterAdminVault": {"safeOwners": 5}}'
    const result = await cli(['treasury', 'layout', '--layout', file('layout.json', spec), '--json'])
    assert.equal(result.code, 0)
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse(JSON.stringify(parseLayout(spec))))
    const owners = JSON.parse(result.stdout).tiers[0].roles.filter((r: { role: string }) =>
      r.role.startsWith('SafeOwner'),
    )
    assert.equal(owners.length, 5)
  })

  it('addresses --json from the BIP-39 vector mnemonic equals deriveLayout called directly, as { tier, role, path, address }', async () => {
    const result = await cli(['treasury', 'addresses', '--mnemonic-file', file('m1', `${MNEMONIC}\n`), '--json'])
    assert.equal(result.code, 0, result.stderr)
    const printed = JSON.parse(result.stdout) as Record<string, string>[]
    const direct = deriveLayout(bip39SeedSource(MNEMONIC), defaultLayout())
    assert.deepEqual(
      printed,
      direct.map(({ tier, role, path, address }) => ({ tier, role, path, address })),
    )
    assert.deepEqual(Object.keys(printed[0] ?? {}), ['tier', 'role', 'path', 'address'])
    for (const row of printed) assert.match(row.address ?? '', /^0x[0-9a-fA-F]{40}$/)
    assert.equal(printed.length, 19)
    // Independent anchor for the first vector mnemonic ("abandon x11 about"): the widely published
    // first Ethereum account of that phrase (MetaMask, ethers, Trezor Suite all show it).
    const abandon = await cli([
      'treasury',
      'addresses',
      '--mnemonic-file',
      file('m0', `${bip39.english[0]?.[1]}\n`),
      '--json',
    ])
    assert.equal(JSON.parse(abandon.stdout)[0].address, '0x9858EfFD232B4033E47d90003D41EC34EcaEda94')
  })

  it("a passphrases file changes exactly that tier's addresses (others keep the empty passphrase)", async () => {
    const mnemonic = file('m2', MNEMONIC)
    const plain = JSON.parse((await cli(['treasury', 'addresses', '--mnemonic-file', mnemonic, '--json'])).stdout)
    const withPassphrase = await cli([
      'treasury',
      'addresses',
      '--mnemonic-file',
      mnemonic,
      '--passphrases-file',
      file('p.json', JSON.stringify({ MasterAdminVault: PASSPHRASE })),
      '--json',
    ])
    assert.equal(withPassphrase.code, 0, withPassphrase.stderr)
    const hidden = JSON.parse(withPassphrase.stdout) as { tier: string; address: string }[]
    const direct = deriveLayout(bip39SeedSource(MNEMONIC), defaultLayout(), { MasterAdminVault: PASSPHRASE })
    assert.deepEqual(
      hidden.map((r) => r.address),
      direct.map((r) => r.address),
    )
    for (const [i, row] of hidden.entries()) {
      if (row.tier === 'MasterAdminVault') assert.notEqual(row.address, plain[i].address)
      else assert.equal(row.address, plain[i].address)
    }
    assertNoSecrets(withPassphrase.stdout + withPassphrase.stderr, {
      words: MNEMONIC.split(' '),
      phrases: [PASSPHRASE],
    })
  })

  it('addresses from a SLIP-39 share file (one share a line) equal deriveLayout over the same shares', async () => {
    const passphrases = Object.fromEntries(defaultLayout().tiers.map((tier) => [tier.name, PASSPHRASE]))
    const result = await cli([
      'treasury',
      'addresses',
      '--slip39-share-file',
      file('shares', `${SHARES.join('\n')}\n`),
      '--passphrases-file',
      file('all.json', JSON.stringify(passphrases)),
      '--json',
    ])
    assert.equal(result.code, 0, result.stderr)
    const direct = deriveLayout(slip39SeedSource(SHARES), defaultLayout(), passphrases)
    assert.deepEqual(
      JSON.parse(result.stdout).map((r: { address: string }) => r.address),
      direct.map((r) => r.address),
    )
    assertNoSecrets(result.stdout + result.stderr, { phrases: [...SHARES, PASSPHRASE] })
  })

  it('prints the table without secrets and warns (without refusing) about group/world-readable secret files', async () => {
    const loose = await cli(['treasury', 'addresses', '--mnemonic-file', file('m3', MNEMONIC, 0o644)])
    assert.equal(loose.code, 0)
    assert.match(
      loose.stderr,
      /warning: .*m3 \(--mnemonic-file\) is readable by group or others \(mode 644\); chmod 600 it/,
    )
    assert.match(loose.stdout.split('\n')[0] ?? '', /^TIER +ROLE +PATH +ADDRESS$/)
    assertNoSecrets(loose.stdout + loose.stderr, { words: MNEMONIC.split(' ') })
    const tight = await cli(['treasury', 'addresses', '--mnemonic-file', file('m4', MNEMONIC)])
    assert.equal(tight.stderr, '')
  })

  it('bad secrets exit 1 with a typed message that quotes none of them', async () => {
    const words = MNEMONIC.split(' ')
    const badChecksum = [...words.slice(0, 11), 'zoo'].join(' ')
    const unknownWord = [...words.slice(0, 11), 'qwertyuiop'].join(' ')
    const cases: [string[], RegExp, { words?: string[]; phrases?: string[] }][] = [
      [['--mnemonic-file', file('bad1', badChecksum)], /\[BIP39_MNEMONIC_CHECKSUM\]/, { words: [...words, 'zoo'] }],
      [
        ['--mnemonic-file', file('bad2', unknownWord)],
        /\[BIP39_MNEMONIC_UNKNOWN_WORD\]/,
        { words: [...words, 'qwertyuiop'] },
      ],
      [['--slip39-share-file', file('bad3', SHARES[0] ?? '')], /\[SLIP39_SHARES_INSUFFICIENT\]/, { phrases: SHARES }],
      [
        [
          '--mnemonic-file',
          file('m5', MNEMONIC),
          '--passphrases-file',
          file('bad4', '{"MasterAdminVault": "TREZOR-hidden"'),
        ],
        /\[CLI_FILE_INVALID\]/,
        { words, phrases: ['TREZOR-hidden'] },
      ],
      [
        [
          '--mnemonic-file',
          file('m6', MNEMONIC),
          '--passphrases-file',
          file('bad5', '{"MasterAdminValt": "TREZOR-typo"}'),
        ],
        /\[PASSPHRASE_TIER_UNKNOWN\]/,
        { words, phrases: ['TREZOR-typo'] },
      ],
      [['--mnemonic-file', join(dir, 'absent')], /\[CLI_FILE_UNREADABLE\]/, {}],
    ]
    for (const [args, code, secrets] of cases) {
      const result = await cli(['treasury', 'addresses', ...args])
      assert.equal(result.code, 1, `${args.join(' ')}: ${result.stderr}`)
      assert.equal(result.stdout, '')
      assert.match(result.stderr, code)
      assertNoSecrets(result.stderr, secrets)
    }
  })

  it('bad usage exits 2: no seed, two seeds, an unknown flag, a missing value', async () => {
    const mnemonic = file('m7', MNEMONIC)
    const usages = [
      ['treasury', 'addresses'],
      ['treasury', 'addresses', '--mnemonic-file', mnemonic, '--slip39-share-file', mnemonic],
      ['treasury', 'addresses', '--mnemonic-file', mnemonic, '--nope'],
      ['treasury', 'addresses', '--mnemonic-file'],
      ['treasury', 'layout', '--layout'],
    ]
    for (const args of usages) {
      const result = await cli(args)
      assert.equal(result.code, 2, args.join(' '))
      assertNoSecrets(result.stdout + result.stderr, { words: MNEMONIC.split(' ') })
    }
  })

  it('through bin/chainops: exit 1 on a bad checksum (no words on stderr), exit 2 on bad usage', async () => {
    const words = MNEMONIC.split(' ')
    const bad = file('bad6', [...words.slice(0, 11), 'zoo'].join(' '))
    const failed = await chainops(['treasury', 'addresses', '--mnemonic-file', bad])
    assert.equal(failed.code, 1)
    assert.match(
      failed.stderr,
      /mnemonic checksum does not match: a word is wrong or out of order \[BIP39_MNEMONIC_CHECKSUM\]/,
    )
    assertNoSecrets(failed.stdout + failed.stderr, { words: [...words, 'zoo'] })
    const usage = await chainops(['treasury', 'addresses'])
    assert.equal(usage.code, 2)
    assert.match(usage.stderr, /give exactly one of --mnemonic-file and --slip39-share-file/)
  })
})

describe('chainops safe | splits usage (no chain needed)', () => {
  const addr = '0x000000000000000000000000000000000000bEEF'
  it('exits 2 on missing or malformed arguments before touching the RPC', async () => {
    const usages = [
      ['safe', 'deploy', '--key-file', '/nonexistent'],
      ['safe', 'deploy', '--rpc', 'http://127.0.0.1:1'],
      [
        'safe',
        'create',
        '--rpc',
        'http://127.0.0.1:1',
        '--key-file',
        'k',
        '--owners',
        `${addr},0x12`,
        '--threshold',
        '1',
      ],
      ['safe', 'create', '--rpc', 'http://127.0.0.1:1', '--key-file', 'k', '--owners', addr, '--threshold', '2'],
      ['safe', 'propose', '--rpc', 'http://127.0.0.1:1', '--safe', addr, '--to', addr, '--value', '1.5', '--out', 'x'],
      ['safe', 'propose', '--rpc', 'http://127.0.0.1:1', '--safe', addr, '--to', addr, '--value', '1'],
      ['safe', 'sign', 'TX.json', '--rpc', 'http://127.0.0.1:1'],
      [
        'safe',
        'sign',
        'TX.json',
        '--rpc',
        'http://127.0.0.1:1',
        '--key-file',
        'k',
        '--trezor-double-mnemonic-file',
        'm',
      ],
      ['safe', 'execute', '--rpc', 'http://127.0.0.1:1', '--key-file', 'k'],
      [
        'splits',
        'create',
        '--rpc',
        'http://127.0.0.1:1',
        '--key-file',
        'k',
        '--factory',
        addr,
        '--owner',
        addr,
        '--recipients',
        `${addr}=999999`,
      ],
      [
        'splits',
        'create',
        '--rpc',
        'http://127.0.0.1:1',
        '--key-file',
        'k',
        '--factory',
        addr,
        '--owner',
        addr,
        '--recipients',
        `${addr}:1000000`,
      ],
      ['splits', 'distribute', '--rpc', 'http://127.0.0.1:1', '--key-file', 'k'],
    ]
    for (const args of usages) {
      const result = await cli(args)
      assert.equal(result.code, 2, `${args.join(' ')}\n${result.stderr}`)
    }
  })

  it('an RPC that does not answer is exit 1 with CLI_CHAIN_CALL_FAILED, not a stack trace', async () => {
    const result = await cli([
      'safe',
      'propose',
      '--rpc',
      'http://127.0.0.1:1',
      '--safe',
      addr,
      '--to',
      addr,
      '--value',
      '1',
      '--out',
      join(tmpdir(), 'chainops-never-written.json'),
    ])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /\[CLI_CHAIN_CALL_FAILED\]/)
  })
})
