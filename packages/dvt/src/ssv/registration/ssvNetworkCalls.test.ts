import assert from 'node:assert/strict'
import { decodeFunctionData, type Hex, slice } from 'viem'
import { bulkRegisterValidatorCall } from './bulkRegisterValidatorCall.ts'
import { depositCall } from './depositCall.ts'
import { emptySsvCluster } from './emptySsvCluster.ts'
import { registerOperatorCall } from './registerOperatorCall.ts'
import { registerValidatorCall } from './registerValidatorCall.ts'
import { removeValidatorCall } from './removeValidatorCall.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

const contract = '0xDD9BC35aE942eF0cFa76930954a156B3fF30a4E1' as const
const owner = '0x1111111111111111111111111111111111111111' as const
const publicKey = `0x${'a1'.repeat(48)}` as Hex
const sharesData = `0x${'5e'.repeat(96 + 4 * 48 + 4 * 256)}` as Hex
const cluster = { validatorCount: 2, networkFeeIndex: 7n, index: 9n, active: true, balance: 10n ** 18n }
const isCode = (code: string) => (error: unknown) => error instanceof SsvRegistrationError && error.code === code

describe('SSVNetwork calldata', () => {
  it('registerValidator: selector 0x06e8fb9c, arguments round-trip through the ssv-scanner ABI', () => {
    const call = registerValidatorCall({
      contract,
      publicKey,
      operatorIds: [1, 2, 3, 4],
      sharesData,
      amount: 5n,
      cluster,
    })
    assert.equal(call.to, contract)
    assert.equal(call.value, 0n)
    assert.equal(slice(call.data, 0, 4), '0x06e8fb9c')
    const decoded = decodeFunctionData({ abi: ssvNetworkAbi, data: call.data })
    assert.equal(decoded.functionName, 'registerValidator')
    assert.deepEqual(decoded.args, [publicKey, [1n, 2n, 3n, 4n], sharesData, 5n, cluster])
  })

  it('bulkRegisterValidator: selector 0x22f18bf5, keys and shares in order', () => {
    const other = `0x${'b2'.repeat(48)}` as Hex
    const call = bulkRegisterValidatorCall({
      contract,
      validators: [
        { publicKey, sharesData },
        { publicKey: other, sharesData: '0x01' },
      ],
      operatorIds: [1n, 2n, 3n, 4n],
      amount: 0n,
      cluster: emptySsvCluster,
    })
    assert.equal(slice(call.data, 0, 4), '0x22f18bf5')
    const decoded = decodeFunctionData({ abi: ssvNetworkAbi, data: call.data })
    assert.deepEqual(decoded.args, [
      [publicKey, other],
      [1n, 2n, 3n, 4n],
      [sharesData, '0x01'],
      0n,
      { validatorCount: 0, networkFeeIndex: 0n, index: 0n, active: true, balance: 0n },
    ])
  })

  it('registerOperator 0xc9bbc9fa, removeValidator 0x12b3fc19, deposit 0xbc26e7e5', () => {
    const operator = registerOperatorCall({ contract, publicKey: '0xabcd', fee: 0n })
    assert.equal(slice(operator.data, 0, 4), '0xc9bbc9fa')
    assert.deepEqual(decodeFunctionData({ abi: ssvNetworkAbi, data: operator.data }).args, ['0xabcd', 0n, false])
    const remove = removeValidatorCall({ contract, publicKey, operatorIds: [1, 2, 3, 4], cluster })
    assert.equal(slice(remove.data, 0, 4), '0x12b3fc19')
    assert.deepEqual(decodeFunctionData({ abi: ssvNetworkAbi, data: remove.data }).args, [
      publicKey,
      [1n, 2n, 3n, 4n],
      cluster,
    ])
    const deposit = depositCall({ contract, owner, operatorIds: [1, 2, 3, 4, 5, 6, 7], amount: 3n, cluster })
    assert.equal(slice(deposit.data, 0, 4), '0xbc26e7e5')
    assert.deepEqual(decodeFunctionData({ abi: ssvNetworkAbi, data: deposit.data }).args, [
      owner,
      [1n, 2n, 3n, 4n, 5n, 6n, 7n],
      3n,
      cluster,
    ])
  })

  const base = { contract, publicKey, sharesData, amount: 0n, cluster: emptySsvCluster }
  const cases: [string, () => unknown, string][] = [
    ['3 operators', () => registerValidatorCall({ ...base, operatorIds: [1, 2, 3] }), 'SSV_REGISTRATION_OPERATOR_IDS'],
    [
      '5 operators',
      () => registerValidatorCall({ ...base, operatorIds: [1, 2, 3, 4, 5] }),
      'SSV_REGISTRATION_OPERATOR_IDS',
    ],
    [
      'unsorted ids',
      () => registerValidatorCall({ ...base, operatorIds: [2, 1, 3, 4] }),
      'SSV_REGISTRATION_OPERATOR_IDS',
    ],
    [
      'repeated id',
      () => registerValidatorCall({ ...base, operatorIds: [1, 1, 3, 4] }),
      'SSV_REGISTRATION_OPERATOR_IDS',
    ],
    ['id 0', () => registerValidatorCall({ ...base, operatorIds: [0, 1, 3, 4] }), 'SSV_REGISTRATION_OPERATOR_IDS'],
    [
      'id above uint64',
      () => registerValidatorCall({ ...base, operatorIds: [1, 2, 3, 2n ** 64n] }),
      'SSV_REGISTRATION_OPERATOR_IDS',
    ],
    [
      '47-byte key',
      () => registerValidatorCall({ ...base, publicKey: `0x${'a1'.repeat(47)}`, operatorIds: [1, 2, 3, 4] }),
      'SSV_REGISTRATION_KEYSHARES',
    ],
    [
      'empty shares',
      () => registerValidatorCall({ ...base, sharesData: '0x', operatorIds: [1, 2, 3, 4] }),
      'SSV_REGISTRATION_KEYSHARES',
    ],
    [
      'negative amount',
      () => registerValidatorCall({ ...base, amount: -1n, operatorIds: [1, 2, 3, 4] }),
      'SSV_REGISTRATION_INVALID_ARGUMENT',
    ],
    [
      'amount above uint256',
      () => registerValidatorCall({ ...base, amount: 2n ** 256n, operatorIds: [1, 2, 3, 4] }),
      'SSV_REGISTRATION_INVALID_ARGUMENT',
    ],
    [
      'empty bulk',
      () => bulkRegisterValidatorCall({ ...base, validators: [], operatorIds: [1, 2, 3, 4] }),
      'SSV_REGISTRATION_KEYSHARES',
    ],
    [
      'repeated key in bulk',
      () =>
        bulkRegisterValidatorCall({
          ...base,
          validators: [
            { publicKey, sharesData },
            { publicKey, sharesData },
          ],
          operatorIds: [1, 2, 3, 4],
        }),
      'SSV_REGISTRATION_KEYSHARES',
    ],
    [
      'empty operator key',
      () => registerOperatorCall({ contract, publicKey: '0x', fee: 0n }),
      'SSV_REGISTRATION_INVALID_ARGUMENT',
    ],
  ]
  for (const [name, run, code] of cases) {
    it(`refuses ${name} with ${code}`, () => {
      assert.throws(run, isCode(code))
    })
  }
})
