import type { BuiltLambdaFunction } from './buildLambdaBundles.ts'

/** The most bytes each function may take: its bundle (index.mjs) and its zip. */
export type BundleBudgets = Record<string, { bundleBytes: number; zipBytes: number } | string>

/**
 * Each function measured against its budget: one line per limit exceeded, and one per function
 * that has no budget (a new function gets one when it is added). Empty when all fit.
 */
export function checkBundleBudgets(built: readonly BuiltLambdaFunction[], budgets: BundleBudgets): string[] {
  const findings: string[] = []
  for (const fn of built) {
    const budget = budgets[fn.name]
    if (typeof budget !== 'object') {
      findings.push(`${fn.name}: no budget (add one to the budgets file)`)
      continue
    }
    for (const key of ['bundleBytes', 'zipBytes'] as const)
      if (fn[key] > budget[key]) findings.push(`${fn.name}: ${key} ${fn[key]} is over its budget of ${budget[key]}`)
  }
  return findings
}
