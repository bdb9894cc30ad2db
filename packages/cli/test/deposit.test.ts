import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Secret } from '@chainops/core'
import { createDepositData, type DepositDataEntry, deriveValidatorKeys, serializeDepositData } from '@chainops/dvt'
import { type ChainopsResult, chainops } from './support/chainops.ts'

type Result = ChainopsResult

// A BIP-39 test vector phrase (trezor/python-mnemonic), never a real one; its words do not occur
// in anything the commands print, so finding one in the output would be a leak.
const MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const ADDRESS = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'

function expectedEntries(network: 'mainnet' | 'hoodi', indices: number[], amount: bigint, compounding = false) {
  return indices.map((index) => {
    const keys = deriveValidatorKeys({ mnemonic: new Secret(MNEMONIC), index })[0]!
    try {
      return createDepositData({ keys, withdrawalAddress: ADDRESS, amount, network, compounding })
    } finally {
      keys.signingKey.wipe()
      keys.withdrawalKey.wipe()
    }
  })
}

/** No word of the mnemonic anywhere in what a command printed. */
function assertNoMnemonic(result: Result) {
  for (const word of new Set(MNEMONIC.split(' '))) {
    assert.ok(!result.stdout.includes(word), `stdout contains "${word}"`)
    assert.ok(!result.stderr.includes(word), `stderr contains "${word}"`)
  }
}

describe('chainops deposit create and verify through bin/chainops', () => {
  let dir: string
  let mnemonicFile: string
  let outDir: string
  const create = (...extra: string[]) =>
    chainops([
      'deposit',
      'create',
      '--mnemonic-file',
      mnemonicFile,
      '--withdrawal-address',
      ADDRESS,
      '--out',
      outDir,
      ...extra,
    ])
  const writtenFiles = async () => (await readdir(outDir)).filter((name) => name.startsWith('deposit_data-'))

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-deposit-cli-'))
    mnemonicFile = join(dir, 'mnemonic.txt')
    await writeFile(mnemonicFile, `${MNEMONIC}\n`, { mode: 0o600 })
  })
  beforeEach(async () => {
    outDir = await mkdtemp(join(dir, 'out-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('create writes deposit_data-<seconds>.json, the bytes createDepositData gives, and prints the deposits as JSON', async () => {
    const result = await create('--index', '0', '--network', 'mainnet', '--json')
    assert.equal(result.code, 0, result.stderr)
    const printed = JSON.parse(result.stdout) as { file: string; network: string; deposits: { index: number }[] }
    const [name] = await writtenFiles()
    assert.match(name ?? '', /^deposit_data-\d{10}\.json$/)
    assert.equal(printed.file, join(outDir, name ?? ''))
    assert.equal(printed.network, 'mainnet')
    const expected = expectedEntries('mainnet', [0], 32_000_000_000n)
    assert.equal(await readFile(printed.file, 'utf8'), serializeDepositData(expected))
    assert.deepEqual(printed.deposits, [
      {
        index: 0,
        pubkey: expected[0]?.pubkey,
        amount: 32_000_000_000,
        deposit_data_root: expected[0]?.deposit_data_root,
      },
    ])
    assert.equal(result.stderr, '')
    assertNoMnemonic(result)
  })

  it('--count 3 on Hoodi with --compounding and --amount: indices 5 to 7, progress on stderr, 0x02 credentials', async () => {
    const result = await create(
      '--index',
      '5',
      '--count',
      '3',
      '--network',
      'hoodi',
      '--compounding',
      '--amount',
      '64.5',
    )
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(result.stderr.trim().split('\n'), [
      'deposit create: validator 1/3 (index 5)',
      'deposit create: validator 2/3 (index 6)',
      'deposit create: validator 3/3 (index 7)',
    ])
    assert.match(result.stdout, /wrote .*deposit_data-\d+\.json: 3 deposits for hoodi, 0x02 credentials to 0x96676e/)
    const [name] = await writtenFiles()
    const text = await readFile(join(outDir, name ?? ''), 'utf8')
    assert.equal(text, serializeDepositData(expectedEntries('hoodi', [5, 6, 7], 64_500_000_000n, true)))
    assertNoMnemonic(result)

    const verified = await chainops(['deposit', 'verify', join(outDir, name ?? ''), '--network', 'hoodi'])
    assert.equal(verified.code, 0, verified.stderr)
    assert.match(verified.stdout, /: 3 deposits valid for hoodi\n$/)
  })

  it("verify refuses a file of another network's fork version (exit 1), naming fork_version, network_name and the signature", async () => {
    const file = join(outDir, 'hoodi.json')
    await writeFile(file, serializeDepositData(expectedEntries('hoodi', [0], 32_000_000_000n)))
    const result = await chainops(['deposit', 'verify', file, '--network', 'mainnet', '--json'])
    assert.equal(result.code, 1, result.stderr)
    const report = JSON.parse(result.stdout) as { valid: boolean; count: number; findings: Record<string, unknown>[] }
    assert.equal(report.valid, false)
    assert.equal(report.count, 1)
    assert.deepEqual(
      report.findings.map((f) => [f.index, f.field, f.code]),
      [
        [0, 'fork_version', 'DEPOSIT_WRONG_NETWORK'],
        [0, 'network_name', 'DEPOSIT_WRONG_NETWORK'],
        [0, 'signature', 'DEPOSIT_BAD_SIGNATURE'],
      ],
    )
    // Relabelled as mainnet, it still fails: the signature is over Hoodi's domain.
    const [entry] = JSON.parse(await readFile(file, 'utf8')) as DepositDataEntry[]
    await writeFile(
      file,
      serializeDepositData([{ ...(entry as DepositDataEntry), fork_version: '00000000', network_name: 'mainnet' }]),
    )
    const relabelled = await chainops(['deposit', 'verify', file])
    assert.equal(relabelled.code, 1)
    assert.match(
      relabelled.stdout,
      /signature +DEPOSIT_BAD_SIGNATURE +signature does not verify for pubkey over mainnet's deposit domain/,
    )
  })

  it('verify: one byte changed in deposit_data_root is a finding (exit 1); a file that is not JSON exits 1', async () => {
    const [entry] = expectedEntries('mainnet', [1], 32_000_000_000n) as [DepositDataEntry]
    const root = `${entry.deposit_data_root.slice(0, -1)}${entry.deposit_data_root.endsWith('0') ? '1' : '0'}`
    const file = join(outDir, 'changed.json')
    await writeFile(file, serializeDepositData([entry, { ...entry, deposit_data_root: root }]))
    const result = await chainops(['deposit', 'verify', file])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /^1 +deposit_data_root +DEPOSIT_BAD_ROOT /m)
    assert.match(result.stdout, /changed\.json: 1 finding in 2 deposits\n$/)

    await writeFile(file, '[{"pubkey": ')
    const notJson = await chainops(['deposit', 'verify', file])
    assert.equal(notJson.code, 1)
    assert.match(notJson.stderr, /DEPOSIT_BAD_SHAPE/)
  })

  it('bad usage exits 2 and writes nothing: an amount out of range, a bad address, an unknown network, no FILE', async () => {
    const over = await create('--index', '0', '--network', 'mainnet', '--amount', '33')
    assert.equal(over.code, 2)
    assert.match(over.stderr, /--amount: a 0x01 deposit is 1 ETH to 32 ETH/)
    const under = await create('--index', '0', '--network', 'mainnet', '--compounding', '--amount', '0.5')
    assert.equal(under.code, 2)
    const badAmount = await create('--index', '0', '--network', 'mainnet', '--amount', '1.0000000001')
    assert.equal(badAmount.code, 2)
    assert.match(badAmount.stderr, /at most 9 decimals/)
    const network = await create('--index', '0', '--network', 'sepolia')
    assert.equal(network.code, 2)
    assert.match(network.stderr, /--network must be one of mainnet, holesky, hoodi/)
    const noIndex = await create('--network', 'mainnet')
    assert.equal(noIndex.code, 2)
    assert.match(noIndex.stderr, /--index is required/)
    const address = await chainops([
      'deposit',
      'create',
      '--mnemonic-file',
      mnemonicFile,
      '--index',
      '0',
      '--network',
      'hoodi',
      '--withdrawal-address',
      '0x1234',
      '--out',
      outDir,
    ])
    assert.equal(address.code, 2)
    assert.match(address.stderr, /--withdrawal-address is not an address/)
    assert.deepEqual(await writtenFiles(), [])
    for (const result of [over, under, badAmount, network, noIndex, address]) assertNoMnemonic(result)

    const noFile = await chainops(['deposit', 'verify'])
    assert.equal(noFile.code, 2)
    assert.match(noFile.stderr, /FILE is required/)
    const verifyNetwork = await chainops(['deposit', 'verify', mnemonicFile, '--network', 'goerli'])
    assert.equal(verifyNetwork.code, 2)
  })

  it('a mnemonic with a bad checksum fails without naming a word, and nothing is written', async () => {
    const bad = join(dir, 'bad-mnemonic.txt')
    await writeFile(bad, MNEMONIC.replace(/yellow$/, 'wave'))
    await chmod(bad, 0o600)
    const result = await chainops([
      'deposit',
      'create',
      '--mnemonic-file',
      bad,
      '--index',
      '0',
      '--network',
      'hoodi',
      '--withdrawal-address',
      ADDRESS,
      '--out',
      outDir,
    ])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /checksum/i)
    assertNoMnemonic(result)
    assert.deepEqual(await writtenFiles(), [])
  })

  it('--help describes every option with its default', async () => {
    const result = await chainops(['deposit', 'create', '--help'])
    assert.equal(result.code, 0)
    for (const option of [
      '--mnemonic-file',
      '--passphrase-file',
      '--index',
      '--count',
      '--withdrawal-address',
      '--compounding',
      '--amount',
      '--network',
      '--out',
      '--json',
    ]) {
      assert.match(result.stdout, new RegExp(`${option} `))
    }
    assert.match(result.stdout, /--count C +.*\(default: 1\)/)
    assert.match(result.stdout, /--amount ETH +.*\(default: 32\)/)
    const verify = await chainops(['deposit', 'verify', '--help'])
    assert.match(verify.stdout, /--network NAME +.*\(default: the network each entry names in network_name\)/)
  })
})

// ethstaker-deposit 1.3.1's own file writer, for the same mnemonic, indices, amount, address and network.
const ETHSTAKER_FILE = `
import json, sys
from ethstaker_deposit.credentials import Credential
from ethstaker_deposit.settings import get_chain_setting
from ethstaker_deposit.utils.export_data import export_deposit_data_json
r = json.load(sys.stdin)
data = [Credential(mnemonic=r['mnemonic'], mnemonic_password='', index=i, amount=r['amount'],
                   chain_setting=get_chain_setting(r['network']), hex_withdrawal_address=r['address'],
                   compounding=r['compounding']).deposit_datum_dict for i in r['indices']]
print(export_deposit_data_json(r['folder'], 0, data))
`

describe('@integration chainops deposit create beside ethstaker-deposit 1.3.1', () => {
  const python = fileURLToPath(new URL('../../../.venv/bin/python', import.meta.url))
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-deposit-ref-'))
    await writeFile(join(dir, 'mnemonic.txt'), MNEMONIC, { mode: 0o600 })
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const [network, compounding, amount] of [
    ['mainnet', false, 32],
    ['hoodi', true, 100],
  ] as const) {
    it(`${network}, ${compounding ? '0x02' : '0x01'}, ${amount} ETH, indices 2 and 3: the file is byte-identical`, async () => {
      const out = await mkdtemp(join(dir, `${network}-`))
      const args = ['deposit', 'create', '--mnemonic-file', join(dir, 'mnemonic.txt'), '--index', '2', '--count', '2']
      args.push(
        '--withdrawal-address',
        ADDRESS,
        '--amount',
        String(amount),
        '--network',
        network,
        '--out',
        out,
        '--json',
      )
      const result = await chainops(compounding ? [...args, '--compounding'] : args)
      assert.equal(result.code, 0, result.stderr)
      const ours = await readFile((JSON.parse(result.stdout) as { file: string }).file, 'utf8')
      const reference = promisify(execFile)(python, ['-c', ETHSTAKER_FILE], { timeout: 120_000 })
      reference.child.stdin?.end(
        JSON.stringify({
          mnemonic: MNEMONIC,
          indices: [2, 3],
          amount: amount * 1e9,
          network,
          address: ADDRESS,
          compounding,
          folder: out,
        }),
      )
      const theirs = await readFile((await reference).stdout.trim(), 'utf8')
      assert.equal(ours, theirs)
    })
  }
})
