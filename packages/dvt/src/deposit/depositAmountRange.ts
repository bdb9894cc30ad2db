/** The deposit amount bounds, in gwei, for a withdrawal credentials prefix. */
export type DepositAmountRange = { min: bigint; max: bigint }

const GWEI_PER_ETH = 1_000_000_000n

/**
 * 1 ETH to 32 ETH for 0x01 (a balance above 32 ETH is swept, never effective), 1 ETH to 2048 ETH
 * (`MAX_EFFECTIVE_BALANCE_ELECTRA`) for 0x02. ethstaker-deposit 1.3.1 allows 2048 ETH for both.
 */
export function depositAmountRange(compounding: boolean): DepositAmountRange {
  return { min: GWEI_PER_ETH, max: (compounding ? 2048n : 32n) * GWEI_PER_ETH }
}
