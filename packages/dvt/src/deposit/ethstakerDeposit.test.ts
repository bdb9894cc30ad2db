import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Secret } from '@chainops/core'
import type { Address } from 'viem'
import { deriveValidatorKeys } from '../keys/deriveValidatorKeys.ts'
import { createDepositData } from './createDepositData.ts'
import type { DepositDataEntry } from './DepositDataEntry.ts'
import type { DepositNetwork } from './DepositNetwork.ts'
import { depositDataFileName } from './depositDataFileName.ts'
import { serializeDepositData } from './serializeDepositData.ts'
import { verifyDepositData } from './verifyDepositData.ts'

const python = fileURLToPath(new URL('../../../../.venv/bin/python', import.meta.url))

// The reference: ethstaker-deposit 1.3.1's Python API (its CLI needs the `intl` files the wheel
// lacks). For each case, `Credential(...).deposit_datum_dict` as the file writer dumps it, its own
// signing key, and one file written by its own `export_deposit_data_json`.
const SCRIPT = `
import json, sys
from ethstaker_deposit.credentials import Credential
from ethstaker_deposit.settings import get_chain_setting
from ethstaker_deposit.utils.export_data import export_deposit_data_json
request = json.load(sys.stdin)
out = []
data = []
for case in request['cases']:
    credential = Credential(mnemonic=request['mnemonic'], mnemonic_password='', index=case['index'],
        amount=case['amount'], chain_setting=get_chain_setting(case['network']),
        hex_withdrawal_address=case['address'], compounding=case['compounding'])
    datum = credential.deposit_datum_dict
    data.append(datum)
    out.append({'signingKey': credential.signing_sk.to_bytes(32, 'big').hex(),
                'text': json.dumps([datum], default=lambda x: x.hex())})
path = export_deposit_data_json(request['folder'], request['timestamp'], data)
print(json.dumps({'cases': out, 'file': path}))
`

type Case = { index: number; amount: number; network: DepositNetwork; address: Address; compounding: boolean }
type Reference = { cases: { signingKey: string; text: string }[]; file: string }

async function ethstaker(mnemonic: string, cases: Case[], folder: string, timestamp: number): Promise<Reference> {
  const child = promisify(execFile)(python, ['-c', SCRIPT], { timeout: 120_000 })
  child.child.stdin?.end(JSON.stringify({ mnemonic, cases, folder, timestamp }))
  const { stdout } = await child
  return JSON.parse(stdout) as Reference
}

// BIP-39's all-zero-entropy mnemonic: a public test phrase, never a real one.
const MNEMONIC = `${'abandon '.repeat(11)}about`
const ADDRESS = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'
const ETH = 1_000_000_000
const CASES: Case[] = [
  { index: 0, amount: 32 * ETH, network: 'mainnet', address: ADDRESS, compounding: false },
  { index: 1, amount: 32 * ETH, network: 'hoodi', address: ADDRESS, compounding: false },
  { index: 2, amount: 2048 * ETH, network: 'mainnet', address: ADDRESS, compounding: true },
  { index: 3, amount: 33_500_000_001, network: 'hoodi', address: ADDRESS, compounding: true },
  { index: 4, amount: 1 * ETH, network: 'mainnet', address: ADDRESS, compounding: false },
]

describe('@integration deposit data side by side with ethstaker-deposit 1.3.1', () => {
  let folder: string
  let reference: Reference
  const timestamp = 1_764_000_000.75

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'chainops-deposit-'))
    reference = await ethstaker(MNEMONIC, CASES, folder, timestamp)
  })
  after(async () => {
    await rm(folder, { recursive: true, force: true })
  })

  for (const [position, c] of CASES.entries()) {
    it(`${c.network}, ${c.compounding ? '0x02' : '0x01'}, ${c.amount} gwei, index ${c.index}: byte-identical to Credential(...).deposit_datum_dict`, () => {
      const [keys] = deriveValidatorKeys({ mnemonic: new Secret(MNEMONIC), index: c.index })
      assert.ok(keys)
      try {
        // The key helper K derives is the one ethstaker derives.
        assert.equal(Buffer.from(keys.signingKey.reveal()).toString('hex'), reference.cases[position]?.signingKey)
        const entry = createDepositData({
          keys,
          withdrawalAddress: c.address,
          amount: BigInt(c.amount),
          network: c.network,
          compounding: c.compounding,
        })
        assert.equal(serializeDepositData([entry]), reference.cases[position]?.text)
        assert.deepEqual(verifyDepositData(entry, { network: c.network }), { valid: true, count: 1, findings: [] })
      } finally {
        keys.signingKey.wipe()
        keys.withdrawalKey.wipe()
      }
    })
  }

  it('the same signing key as a Secret<Uint8Array> gives the same entry', () => {
    const c = CASES[0] as Case
    const signingKey = new Secret(Uint8Array.from(Buffer.from(reference.cases[0]?.signingKey ?? '', 'hex')))
    const entry = createDepositData({
      signingKey,
      withdrawalAddress: c.address,
      amount: BigInt(c.amount),
      network: c.network,
    })
    signingKey.wipe()
    assert.equal(serializeDepositData([entry]), reference.cases[0]?.text)
  })

  it('a whole file: serializeDepositData and depositDataFileName give the bytes and name export_deposit_data_json writes', async () => {
    const entries: DepositDataEntry[] = CASES.map((c) => {
      const [keys] = deriveValidatorKeys({ mnemonic: MNEMONIC, index: c.index })
      assert.ok(keys)
      try {
        return createDepositData({
          keys,
          withdrawalAddress: c.address,
          amount: BigInt(c.amount),
          network: c.network,
          compounding: c.compounding,
        })
      } finally {
        keys.signingKey.wipe()
        keys.withdrawalKey.wipe()
      }
    })
    assert.equal(reference.file, join(folder, depositDataFileName(new Date(timestamp * 1000))))
    assert.equal(serializeDepositData(entries), await readFile(reference.file, 'utf8'))
    // Its file verifies with ours; an entry per network, so each against the network it names.
    const result = verifyDepositData(await readFile(reference.file, 'utf8'))
    assert.deepEqual(result, { valid: true, count: CASES.length, findings: [] })
  })
})
