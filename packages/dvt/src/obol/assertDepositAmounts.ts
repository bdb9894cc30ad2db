import { ObolError, type ObolErrorCode } from './ObolError.ts'

const ONE_ETH = 1_000_000_000n

/**
 * Charon's rule for partial deposit amounts (gwei): none (one 32 ETH deposit), or each from 1 ETH to
 * 32 ETH (2048 ETH when compounding) and together at least 32 ETH.
 */
export function assertDepositAmounts(amounts: readonly bigint[], compounding: boolean, code: ObolErrorCode): void {
  if (amounts.length === 0) return
  const max = (compounding ? 2048n : 32n) * ONE_ETH
  for (const [i, amount] of amounts.entries()) {
    if (amount < ONE_ETH || amount > max)
      throw new ObolError({
        code,
        shortMessage: `deposit_amounts.${i} is ${amount} gwei, outside 1 ETH to ${max / ONE_ETH} ETH`,
        details: compounding ? 'compounding validators' : 'above 32 ETH needs compounding',
      })
  }
  const sum = amounts.reduce((total, amount) => total + amount, 0n)
  if (sum < 32n * ONE_ETH)
    throw new ObolError({ code, shortMessage: `the deposit amounts add up to ${sum} gwei, less than 32 ETH` })
}
