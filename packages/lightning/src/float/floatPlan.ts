import { WEI_PER_COIN } from '@chainops/core'

/**
 * The float plan of the source (seed 000, "トークンについて"): the operator always holds 30M coins,
 * what a month of issuance uses, and is refilled from the cold wallet about once a month.
 */
export const MONTHLY_FLOAT_WEI = 30_000_000n * WEI_PER_COIN

/** A month in the plan's sense: 30 days. */
export const PLAN_MONTH_SECONDS = 30n * 24n * 60n * 60n
