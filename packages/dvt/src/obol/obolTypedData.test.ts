import assert from 'node:assert/strict'
import { hashTypedData } from 'viem'
import { chainIdOfForkVersion } from './chainIdOfForkVersion.ts'
import { obolTypedData } from './obolTypedData.ts'

describe('obolTypedData', () => {
  it("hashes to charon's EIP-712 known answer (Sepolia, CreatorConfigHash)", () => {
    // charon's eth2util/eip712 test, quoted in ../shared/vectors/README.md.
    const digest = hashTypedData(
      obolTypedData({
        kind: 'creatorConfigHash',
        chainId: chainIdOfForkVersion('0x90000069'),
        configHash: '0xe57f66637bdfa05cce6a78e8cf4120d67d305b485367a69baa5f738436533bcb',
      }),
    )
    assert.equal(digest, '0x7c8fe012e2f872ca7ec870164184f57b921166f80565ff74af7bee5796f973e4')
  })
  it('names the types and fields as charon does', () => {
    const operator = obolTypedData({ kind: 'operatorConfigHash', chainId: 1, configHash: '0xAB' })
    assert.deepEqual(operator.types, { OperatorConfigHash: [{ name: 'operator_config_hash', type: 'string' }] })
    assert.deepEqual(operator.message, { operator_config_hash: '0xab' })
    const enr = obolTypedData({ kind: 'enr', chainId: 560048, enr: 'enr:-x' })
    assert.deepEqual(enr.domain, { name: 'Obol', version: '1', chainId: 560048 })
    assert.deepEqual(enr.types, { ENR: [{ name: 'enr', type: 'string' }] })
  })
  it('refuses a fork version it has no chain id for', () => {
    assert.equal(chainIdOfForkVersion('0x10000910'), 560048)
    assert.throws(() => chainIdOfForkVersion('0x12345678'), { code: 'OBOL_UNKNOWN_NETWORK' })
  })
})
