import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import { createDepositData } from './createDepositData.ts'
import type { DepositDataEntry } from './DepositDataEntry.ts'
import type { DepositNetwork } from './DepositNetwork.ts'
import { serializeDepositData } from './serializeDepositData.ts'
import { verifyDepositData } from './verifyDepositData.ts'

// The EIP-2335 test vectors' secret (../shared/vectors/README.md).
const SECRET_HEX = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f'
const ADDRESS = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'
const ETH = 1_000_000_000n

function entryFor(network: DepositNetwork, compounding = false, amount = 32n * ETH): DepositDataEntry {
  const signingKey = new Secret(Uint8Array.from(Buffer.from(SECRET_HEX, 'hex')))
  try {
    return createDepositData({ signingKey, withdrawalAddress: ADDRESS, amount, network, compounding })
  } finally {
    signingKey.wipe()
  }
}

/** The hex string with byte `at` xor-ed with 1. */
function flipByte(hex: string, at = 0): string {
  const bytes = Buffer.from(hex, 'hex')
  bytes[at] = (bytes[at] ?? 0) ^ 1
  return bytes.toString('hex')
}

const mainnet = entryFor('mainnet')
const holesky = entryFor('holesky')
const hoodi = entryFor('hoodi')

/** [field, code] of every finding. */
const found = (data: Parameters<typeof verifyDepositData>[0], network?: DepositNetwork) =>
  verifyDepositData(data, { network }).findings.map((f) => [f.field, f.code])

describe('verifyDepositData', () => {
  it('a good entry, a list and a file text are valid', () => {
    assert.deepEqual(verifyDepositData(mainnet), { valid: true, count: 1, findings: [] })
    assert.deepEqual(verifyDepositData([mainnet, hoodi, holesky]), { valid: true, count: 3, findings: [] })
    assert.deepEqual(verifyDepositData(serializeDepositData([mainnet]), { network: 'mainnet' }), {
      valid: true,
      count: 1,
      findings: [],
    })
  })

  it('deposit data of another network is refused: the fork version, the name and the signature', () => {
    const result = verifyDepositData(holesky, { network: 'mainnet' })
    assert.equal(result.valid, false)
    assert.deepEqual(
      result.findings.map((f) => [f.field, f.code]),
      [
        ['fork_version', 'DEPOSIT_WRONG_NETWORK'],
        ['network_name', 'DEPOSIT_WRONG_NETWORK'],
        ['signature', 'DEPOSIT_BAD_SIGNATURE'],
      ],
    )
    assert.equal(result.findings[0]?.message, "fork_version 01017000 is holesky's, not mainnet's (00000000)")
    assert.deepEqual(found(hoodi, 'holesky')[0], ['fork_version', 'DEPOSIT_WRONG_NETWORK'])
  })

  it('relabelled as mainnet (fork version and name changed), a Hoodi deposit fails on its signature', () => {
    const relabelled = { ...hoodi, fork_version: '00000000', network_name: 'mainnet' }
    assert.deepEqual(found(relabelled), [['signature', 'DEPOSIT_BAD_SIGNATURE']])
    assert.deepEqual(found(relabelled, 'mainnet'), [['signature', 'DEPOSIT_BAD_SIGNATURE']])
  })

  it('a fork version no network has, and a network name we do not know', () => {
    assert.deepEqual(found({ ...mainnet, fork_version: '90000069' }), [['fork_version', 'DEPOSIT_WRONG_NETWORK']])
    assert.match(
      verifyDepositData({ ...mainnet, fork_version: '90000069' }).findings[0]?.message ?? '',
      /no known network's, not mainnet's/,
    )
    assert.deepEqual(found({ ...mainnet, network_name: 'sepolia' }), [['network_name', 'DEPOSIT_UNKNOWN_NETWORK']])
  })

  // One byte changed in each root and in the signature and pubkey: every finding names its field.
  const oneByte: [keyof DepositDataEntry, number, [string, string][]][] = [
    ['deposit_message_root', 0, [['deposit_message_root', 'DEPOSIT_BAD_ROOT']]],
    ['deposit_message_root', 31, [['deposit_message_root', 'DEPOSIT_BAD_ROOT']]],
    ['deposit_data_root', 0, [['deposit_data_root', 'DEPOSIT_BAD_ROOT']]],
    ['deposit_data_root', 31, [['deposit_data_root', 'DEPOSIT_BAD_ROOT']]],
    [
      'signature',
      95,
      [
        ['deposit_data_root', 'DEPOSIT_BAD_ROOT'],
        ['signature', 'DEPOSIT_BAD_SIGNATURE'],
      ],
    ],
    [
      'pubkey',
      47,
      [
        ['deposit_message_root', 'DEPOSIT_BAD_ROOT'],
        ['deposit_data_root', 'DEPOSIT_BAD_ROOT'],
        ['pubkey', 'DEPOSIT_BAD_PUBKEY'],
      ],
    ],
    [
      'withdrawal_credentials',
      31,
      [
        ['deposit_message_root', 'DEPOSIT_BAD_ROOT'],
        ['deposit_data_root', 'DEPOSIT_BAD_ROOT'],
        ['signature', 'DEPOSIT_BAD_SIGNATURE'],
      ],
    ],
  ]
  for (const [field, at, expected] of oneByte) {
    it(`byte ${at} of ${field} changed: ${expected.map(([f, c]) => `${c} on ${f}`).join(', ')}`, () => {
      assert.deepEqual(found({ ...mainnet, [field]: flipByte(mainnet[field] as string, at) }), expected)
    })
  }

  const badShape: [string, Record<string, unknown>, string, RegExp][] = [
    ['bad hex in pubkey', { pubkey: `zz${mainnet.pubkey.slice(2)}` }, 'pubkey', /pubkey is not hex/],
    ['0x before the signature', { signature: `0x${mainnet.signature.slice(2)}` }, 'signature', /not hex/],
    [
      'an odd number of digits',
      { deposit_data_root: mainnet.deposit_data_root.slice(1) },
      'deposit_data_root',
      /not hex/,
    ],
    ['a 47-byte pubkey', { pubkey: mainnet.pubkey.slice(2) }, 'pubkey', /pubkey is 47 bytes, expected 48/],
    ['a 97-byte signature', { signature: `${mainnet.signature}00` }, 'signature', /97 bytes, expected 96/],
    [
      '31-byte credentials',
      { withdrawal_credentials: mainnet.withdrawal_credentials.slice(2) },
      'withdrawal_credentials',
      /31 bytes/,
    ],
    ['a 3-byte fork version', { fork_version: '000000' }, 'fork_version', /3 bytes, expected 4/],
    [
      'a 33-byte root',
      { deposit_message_root: `${mainnet.deposit_message_root}00` },
      'deposit_message_root',
      /33 bytes/,
    ],
    ['the amount as a string', { amount: '32000000000' }, 'amount', /amount is a string/],
    ['a fractional amount', { amount: 1.5 }, 'amount', /whole number of gwei/],
    ['no network name', { network_name: undefined }, 'network_name', /network_name is missing/],
    ['no pubkey', { pubkey: undefined }, 'pubkey', /pubkey is missing/],
    ['a numeric fork version', { fork_version: 0 }, 'fork_version', /a number, expected hex/],
  ]
  for (const [name, change, field, message] of badShape) {
    it(`${name}: DEPOSIT_BAD_SHAPE on ${field}, and no other check runs`, () => {
      const result = verifyDepositData({ ...mainnet, ...change } as DepositDataEntry)
      assert.equal(result.valid, false)
      assert.deepEqual(
        result.findings.map((f) => [f.index, f.field, f.code]),
        [[0, field, 'DEPOSIT_BAD_SHAPE']],
      )
      assert.match(result.findings[0]?.message ?? '', message)
    })
  }

  it('withdrawal credentials 0x00 (BLS) or with a non-zero padding byte', () => {
    const bls = `00${mainnet.withdrawal_credentials.slice(2)}`
    assert.deepEqual(found({ ...mainnet, withdrawal_credentials: bls })[0], [
      'withdrawal_credentials',
      'DEPOSIT_BAD_WITHDRAWAL_CREDENTIALS',
    ])
    assert.deepEqual(found({ ...mainnet, withdrawal_credentials: flipByte(mainnet.withdrawal_credentials, 5) })[0], [
      'withdrawal_credentials',
      'DEPOSIT_BAD_WITHDRAWAL_CREDENTIALS',
    ])
  })

  it('amounts out of range: under 1 ETH, over 32 ETH for 0x01, over 2048 ETH for 0x02', () => {
    const range = (entry: DepositDataEntry) => found(entry).filter(([, code]) => code === 'DEPOSIT_AMOUNT_OUT_OF_RANGE')
    assert.deepEqual(range({ ...mainnet, amount: 999_999_999 }), [['amount', 'DEPOSIT_AMOUNT_OUT_OF_RANGE']])
    assert.deepEqual(range({ ...mainnet, amount: 32_000_000_001 }), [['amount', 'DEPOSIT_AMOUNT_OUT_OF_RANGE']])
    const compounding = entryFor('mainnet', true, 2048n * ETH)
    assert.deepEqual(verifyDepositData(compounding).findings, [])
    assert.deepEqual(range({ ...compounding, amount: 2_048_000_000_001 }), [['amount', 'DEPOSIT_AMOUNT_OUT_OF_RANGE']])
  })

  it('findings carry the entry index in a file', () => {
    const text = serializeDepositData([mainnet, { ...mainnet, deposit_data_root: flipByte(mainnet.deposit_data_root) }])
    assert.deepEqual(
      verifyDepositData(text).findings.map((f) => [f.index, f.field]),
      [[1, 'deposit_data_root']],
    )
  })

  it('an entry that is not an object, an empty file', () => {
    assert.deepEqual(
      verifyDepositData('[1]').findings.map((f) => [f.index, f.field, f.code]),
      [[0, 'entry', 'DEPOSIT_BAD_SHAPE']],
    )
    assert.deepEqual(
      verifyDepositData('[]').findings.map((f) => [f.index, f.field, f.code]),
      [[-1, 'file', 'DEPOSIT_BAD_SHAPE']],
    )
  })

  it('throws DEPOSIT_BAD_SHAPE for text that is not JSON, DEPOSIT_UNKNOWN_NETWORK for an unknown network option', () => {
    assert.throws(
      () => verifyDepositData('[{"pubkey": '),
      (e) => isChainopsError(e, 'DEPOSIT_BAD_SHAPE') && /not JSON/.test(e.message),
    )
    assert.throws(
      () => verifyDepositData(mainnet, { network: 'goerli' as DepositNetwork }),
      (e) => isChainopsError(e, 'DEPOSIT_UNKNOWN_NETWORK') && /goerli/.test(e.message),
    )
  })
})
