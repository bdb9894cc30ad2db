import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bip39SeedSource, defaultLayout, deriveLayout } from '@chainops/treasury'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { chainops } from './support/chainops.ts'

// charon's cluster testdata and examples, read from ../shared/vectors beside the repository.
const vectors = fileURLToPath(new URL('../../../../shared/vectors/obol/', import.meta.url))

// Hardhat's public test mnemonic: no funds, used here as the treasury seed of the round trip.
const mnemonic = 'test test test test test test test test test test test junk'
const enr = (i: number) =>
  `enr:-HW4QEp-BLhP30tqTGFbR9n2PdUKWP9qc0zphIRmn8_jpm4BYkgekztXQaPA_znRW8RvNYHo0pUwyPEwUGGeZu26XlKAgmlkgnY0iXNlY3AyNTZrMaEDG4TFVnsSZECZXT7VqroFZdceGDRgSBn_nBf16dXdB4${i}`

describe('chainops obol', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-obol-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lock verify: cluster-lock-003.json (v1.7.0) is valid, exit 0, every signature counted', async () => {
    const result = await chainops(['obol', 'lock', 'verify', join(vectors, 'cluster-lock-003.json'), '--json'])
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(JSON.parse(result.stdout), {
      file: join(vectors, 'cluster-lock-003.json'),
      valid: true,
      version: 'v1.7.0',
      configHash: '0x146556e0e1b1fcc1187385fc7600a7588932823aeebf05ab01e39811ca6d71c8',
      definitionHash: '0x0a8fff1d58efdbe2b9cd34c2ae18d7521d56e294e70ba48f3a7139b67ab9ee95',
      lockHash: '0x4bdc5e45df93f492f62503d124ef1f73feccee53cff3925abf9965e4fa956929',
      signatures: 17,
      deposits: 0,
    })
  })

  it('lock verify: the testdata locks (random signatures) exit 1 naming the first bad signature', async () => {
    for (const minor of [7, 11]) {
      const result = await chainops([
        'obol',
        'lock',
        'verify',
        join(vectors, `cluster_lock_v1_${minor}_0.json`),
        '--json',
      ])
      assert.equal(result.code, 1)
      const output = JSON.parse(result.stdout)
      assert.equal(output.valid, false)
      assert.equal(output.error.code, 'OBOL_BAD_SIGNATURE')
      assert.equal(output.error.message, 'operator 0 config signature does not verify')
    }
  })

  it('lock verify: one byte changed is invalid (exit 1), text output names the hash', async () => {
    const lock = JSON.parse(await readFile(join(vectors, 'cluster-lock-003.json'), 'utf8'))
    lock.distributed_validators[2].public_shares[1] = lock.distributed_validators[2].public_shares[1].replace(/.$/, '0')
    const file = join(dir, 'tampered-lock.json')
    await writeFile(file, JSON.stringify(lock))
    const result = await chainops(['obol', 'lock', 'verify', file])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /cluster lock INVALID\nOBOL_HASH_MISMATCH: lock_hash is not the hash of the lock/)
  })

  it("definition hash: testdata definitions' hashes (v1.8, v1.10) equal the file's (exit 0); a changed one exits 1", async () => {
    for (const minor of [8, 10]) {
      const file = join(vectors, `cluster_definition_v1_${minor}_0.json`)
      const expected = JSON.parse(await readFile(file, 'utf8'))
      const result = await chainops(['obol', 'definition', 'hash', file, '--json'])
      assert.equal(result.code, 0, result.stderr)
      assert.deepEqual(JSON.parse(result.stdout), {
        file,
        version: expected.version,
        configHash: expected.config_hash,
        definitionHash: expected.definition_hash,
        matches: true,
      })
    }
    const definition = JSON.parse(await readFile(join(vectors, 'cluster_definition_v1_9_0.json'), 'utf8'))
    definition.threshold += 1
    const file = join(dir, 'changed-definition.json')
    await writeFile(file, JSON.stringify(definition))
    const result = await chainops(['obol', 'definition', 'hash', file])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /hashes DO NOT match the file/)
  })

  it('definition verify: a testdata definition exits 1 with OBOL_BAD_SIGNATURE; bad usage exits 2', async () => {
    const result = await chainops(['obol', 'definition', 'verify', join(vectors, 'cluster_definition_v1_10_0.json')])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /OBOL_BAD_SIGNATURE: operator 0 config signature does not verify/)
    const usage = await chainops(['obol', 'definition', 'verify'])
    assert.equal(usage.code, 2)
    assert.match(usage.stderr, /FILE is required/)
  })

  it('create, sign by the creator (--key-file) and 4 operators (--mnemonic-file, DVTNodeKeys tier), verify: exit 0, no key printed', async () => {
    const roles = deriveLayout(bip39SeedSource(mnemonic), defaultLayout())
    const operators = [1, 2, 3, 4].map(
      (m) => roles.find((role) => role.role === `ObolCluster1Operator${m}`)?.address ?? '',
    )
    const creatorKey = generatePrivateKey()
    const creator = privateKeyToAccount(creatorKey)
    const keyFile = join(dir, 'creator.key')
    const mnemonicFile = join(dir, 'mnemonic.txt')
    await writeFile(keyFile, `${creatorKey}\n`, { mode: 0o600 })
    await writeFile(mnemonicFile, `${mnemonic}\n`, { mode: 0o600 })
    const file = join(dir, 'cluster-definition.json')
    const outputs: string[] = []
    const step = async (args: string[], code = 0) => {
      const result = await chainops(args)
      outputs.push(result.stdout, result.stderr)
      assert.equal(result.code, code, `${args.join(' ')}\n${result.stderr}`)
      return result
    }
    const created = await step([
      'obol',
      'definition',
      'create',
      '--name',
      'chainops cli cluster',
      '--operators',
      operators.join(','),
      '--validators',
      '2',
      '--fee-recipient',
      '0x000000000000000000000000000000000000fee1',
      '--withdrawal-address',
      '0x000000000000000000000000000000000000d00d',
      '--network',
      'hoodi',
      '--creator',
      creator.address,
      '--version',
      'v1.10.0',
      '--out',
      file,
      '--json',
    ])
    const summary = JSON.parse(created.stdout)
    assert.equal(summary.version, 'v1.10.0')
    // Unsigned: the operators' signatures are missing.
    await step(['obol', 'definition', 'verify', file], 1)
    // An operator needs its ENR (bad usage).
    await step(
      ['obol', 'definition', 'sign', file, '--mnemonic-file', mnemonicFile, '--cluster', '1', '--operator', '1'],
      2,
    )
    await step(['obol', 'definition', 'sign', file, '--role', 'creator', '--key-file', keyFile])
    for (const m of [1, 2, 3, 4]) {
      const signed = await step([
        'obol',
        'definition',
        'sign',
        file,
        '--mnemonic-file',
        mnemonicFile,
        '--cluster',
        '1',
        '--operator',
        String(m),
        '--enr',
        enr(m),
        '--json',
      ])
      assert.equal(JSON.parse(signed.stdout).address, operators[m - 1])
      assert.equal(JSON.parse(signed.stdout).configHash, summary.configHash)
    }
    const verified = await step(['obol', 'definition', 'verify', file, '--json'])
    assert.deepEqual(JSON.parse(verified.stdout), {
      file,
      valid: true,
      version: 'v1.10.0',
      configHash: summary.configHash,
      definitionHash: JSON.parse(await readFile(file, 'utf8')).definition_hash,
      signatures: 9,
    })
    const printed = outputs.join('\n')
    assert.equal(printed.includes(creatorKey.slice(2)), false)
    for (const word of new Set(mnemonic.split(' '))) assert.equal(new RegExp(`\\b${word}\\b`).test(printed), false)
  })
})
