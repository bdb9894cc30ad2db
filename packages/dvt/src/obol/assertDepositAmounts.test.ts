import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { assertDepositAmounts } from './assertDepositAmounts.ts'
import { hashDefinition } from './hashDefinition.ts'
import { parseClusterDefinition } from './parseClusterDefinition.ts'
import { verifyDefinition } from './verifyDefinition.ts'

const vectors = new URL('../../../../../shared/vectors/obol/', import.meta.url)
const eth = (n: number) => BigInt(n) * 1_000_000_000n

describe('assertDepositAmounts (charon deposit.VerifyDepositAmounts)', () => {
  it('allows none, or each 1 to 32 ETH (2048 compounding) adding up to at least 32 ETH', () => {
    assertDepositAmounts([], false, 'OBOL_INCONSISTENT')
    assertDepositAmounts([eth(16), eth(16)], false, 'OBOL_INCONSISTENT')
    assertDepositAmounts([eth(1), eth(31), eth(32)], false, 'OBOL_INCONSISTENT')
    assertDepositAmounts([eth(2048)], true, 'OBOL_INCONSISTENT')
  })
  it('refuses an amount out of range or a sum under 32 ETH, with the code asked for', () => {
    assert.throws(() => assertDepositAmounts([eth(33)], false, 'OBOL_INVALID_INPUT'), {
      code: 'OBOL_INVALID_INPUT',
      shortMessage: 'deposit_amounts.0 is 33000000000 gwei, outside 1 ETH to 32 ETH',
    })
    assert.throws(() => assertDepositAmounts([eth(32), 999_999_999n], false, 'OBOL_INCONSISTENT'), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: 'deposit_amounts.1 is 999999999 gwei, outside 1 ETH to 32 ETH',
    })
    assert.throws(() => assertDepositAmounts([eth(16), eth(8)], true, 'OBOL_INCONSISTENT'), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: 'the deposit amounts add up to 24000000000 gwei, less than 32 ETH',
    })
  })
  it('verifyDefinition applies it before the signatures', async () => {
    const definition = parseClusterDefinition(readFileSync(new URL('cluster_definition_v1_8_0.json', vectors), 'utf8'))
    definition.deposit_amounts = ['16000000000']
    const hashes = hashDefinition(definition)
    definition.config_hash = hashes.configHash
    definition.definition_hash = hashes.definitionHash
    await assert.rejects(verifyDefinition(definition), {
      code: 'OBOL_INCONSISTENT',
      shortMessage: 'the deposit amounts add up to 16000000000 gwei, less than 32 ETH',
    })
  })
})
