import assert from 'node:assert/strict'
import type { DepositDataEntry } from './DepositDataEntry.ts'
import { depositDataFileName } from './depositDataFileName.ts'
import { serializeDepositData } from './serializeDepositData.ts'

const entry: DepositDataEntry = {
  pubkey: 'aa',
  withdrawal_credentials: 'bb',
  amount: 32000000000,
  signature: 'cc',
  deposit_message_root: 'dd',
  deposit_data_root: 'ee',
  fork_version: '00000000',
  network_name: 'mainnet',
  deposit_cli_version: '1.3.1',
}

describe('serializeDepositData', () => {
  it("writes Python json.dump's default layout: one line, ', ' and ': ', no final newline", () => {
    assert.equal(
      serializeDepositData([entry, entry]),
      `[${'{"pubkey": "aa", "withdrawal_credentials": "bb", "amount": 32000000000, "signature": "cc", "deposit_message_root": "dd", "deposit_data_root": "ee", "fork_version": "00000000", "network_name": "mainnet", "deposit_cli_version": "1.3.1"}, '.repeat(2).slice(0, -2)}]`,
    )
    assert.deepEqual(JSON.parse(serializeDepositData([entry])), [entry])
  })

  it('an empty list is []', () => {
    assert.equal(serializeDepositData([]), '[]')
  })
})

describe('depositDataFileName', () => {
  it('is deposit_data-<whole unix seconds>.json', () => {
    assert.equal(depositDataFileName(new Date(1_764_000_000_750)), 'deposit_data-1764000000.json')
    assert.match(depositDataFileName(), /^deposit_data-\d{10}\.json$/)
  })
})
