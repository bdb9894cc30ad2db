import assert from 'node:assert/strict'
import { isChainopsError, Secret } from '@chainops/core'
import type { Address } from 'viem'
import { createDepositData } from './createDepositData.ts'
import type { DepositNetwork } from './DepositNetwork.ts'
import { verifyDepositData } from './verifyDepositData.ts'

// The EIP-2335 test vectors' secret (ethstaker-deposit's keystore tests, ../shared/vectors/README.md).
const SECRET_HEX = '000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f'
const ADDRESS = '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a'
const ETH = 1_000_000_000n
const key = (hex = SECRET_HEX) => new Secret(Uint8Array.from(Buffer.from(hex, 'hex')))

describe('createDepositData', () => {
  it('writes the nine fields in the deposit CLI order, hex without 0x, the amount a number', () => {
    const entry = createDepositData({
      signingKey: key(),
      withdrawalAddress: ADDRESS,
      amount: 32n * ETH,
      network: 'mainnet',
    })
    assert.deepEqual(Object.keys(entry), [
      'pubkey',
      'withdrawal_credentials',
      'amount',
      'signature',
      'deposit_message_root',
      'deposit_data_root',
      'fork_version',
      'network_name',
      'deposit_cli_version',
    ])
    assert.equal(entry.withdrawal_credentials, '01000000000000000000000096676ec1894aa23b9beb5b5cf35795af02c7907a')
    assert.equal(entry.amount, 32_000_000_000)
    assert.equal(entry.fork_version, '00000000')
    assert.equal(entry.network_name, 'mainnet')
    assert.equal(entry.deposit_cli_version, '1.3.1')
    assert.match(entry.pubkey, /^[0-9a-f]{96}$/)
    assert.match(entry.signature, /^[0-9a-f]{192}$/)
  })

  it('is deterministic and verifies, for every network and both credential types', () => {
    for (const network of ['mainnet', 'holesky', 'hoodi'] as DepositNetwork[]) {
      for (const compounding of [false, true]) {
        const parameters = { withdrawalAddress: ADDRESS, amount: 32n * ETH, network, compounding } as const
        const entry = createDepositData({ ...parameters, signingKey: key() })
        assert.deepEqual(createDepositData({ ...parameters, keys: { signingKey: key() } }), entry)
        assert.equal(entry.withdrawal_credentials.slice(0, 2), compounding ? '02' : '01')
        assert.deepEqual(verifyDepositData(entry, { network }), { valid: true, count: 1, findings: [] })
      }
    }
  })

  it('holesky and hoodi carry their fork versions', () => {
    const of = (network: DepositNetwork) =>
      createDepositData({ signingKey: key(), withdrawalAddress: ADDRESS, amount: 32n * ETH, network }).fork_version
    assert.equal(of('holesky'), '01017000')
    assert.equal(of('hoodi'), '10000910')
  })

  it('leaves the signing key to the caller (not wiped)', () => {
    const signingKey = key()
    createDepositData({ signingKey, withdrawalAddress: ADDRESS, amount: 32n * ETH, network: 'hoodi' })
    assert.equal(signingKey.wiped, false)
  })

  const R = '73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001'
  const cases: [string, () => unknown, string, RegExp][] = [
    [
      '1 gwei under 1 ETH',
      () => ({ amount: ETH - 1n }),
      'DEPOSIT_AMOUNT_OUT_OF_RANGE',
      /0x01 deposit is 1 ETH to 32 ETH/,
    ],
    ['1 gwei over 32 ETH for 0x01', () => ({ amount: 32n * ETH + 1n }), 'DEPOSIT_AMOUNT_OUT_OF_RANGE', /32 ETH/],
    [
      '1 gwei over 2048 ETH for 0x02',
      () => ({ amount: 2048n * ETH + 1n, compounding: true }),
      'DEPOSIT_AMOUNT_OUT_OF_RANGE',
      /0x02 deposit is 1 ETH to 2048 ETH/,
    ],
    ['an amount as a number', () => ({ amount: 32_000_000_000 }), 'DEPOSIT_INVALID_INPUT', /bigint of gwei/],
    ['an unknown network', () => ({ network: 'sepolia' }), 'DEPOSIT_UNKNOWN_NETWORK', /unknown network "sepolia"/],
    ['a prototype key as network', () => ({ network: 'toString' }), 'DEPOSIT_UNKNOWN_NETWORK', /unknown network/],
    ['a bad address', () => ({ withdrawalAddress: '0x1234' }), 'DEPOSIT_INVALID_INPUT', /withdrawal address/],
    [
      'a wiped key',
      () => {
        const signingKey = key()
        signingKey.wipe()
        return { signingKey }
      },
      'DEPOSIT_INVALID_INPUT',
      /missing or wiped/,
    ],
    ['a 31-byte key', () => ({ signingKey: key(SECRET_HEX.slice(2)) }), 'DEPOSIT_INVALID_INPUT', /32 bytes/],
    ['the zero key', () => ({ signingKey: key('00'.repeat(32)) }), 'DEPOSIT_INVALID_INPUT', /not a BLS secret key/],
    ['the curve order as key', () => ({ signingKey: key(R) }), 'DEPOSIT_INVALID_INPUT', /not a BLS secret key/],
  ]
  for (const [name, override, code, message] of cases) {
    it(`refuses ${name} with ${code}, naming no key byte`, () => {
      const parameters = {
        signingKey: key(),
        withdrawalAddress: ADDRESS as Address,
        amount: 32n * ETH,
        network: 'mainnet',
        ...(override() as object),
      } as Parameters<typeof createDepositData>[0]
      assert.throws(
        () => createDepositData(parameters),
        (e) =>
          isChainopsError(e, code as 'DEPOSIT_INVALID_INPUT') &&
          message.test(e.message) &&
          !e.message.includes(SECRET_HEX.slice(10)) &&
          !JSON.stringify(e).includes(SECRET_HEX.slice(10)),
      )
    })
  }
})
