/** The most bytes each bundle may take: its index.mjs, and its archive (`zipBytes`, or `archiveBytes` for a tarball). */
export type BundleBudgets = Record<string, Record<string, number> | string>

/**
 * Each built bundle measured against its budget: one line per limit exceeded (a limit it has no
 * figure for counts as exceeded), and one per bundle that has no budget (a new one gets one when it
 * is added). Empty when all fit.
 */
export function checkBundleBudgets(
  built: ReadonlyArray<{ name: string } & Partial<Record<string, unknown>>>,
  budgets: BundleBudgets,
): string[] {
  const findings: string[] = []
  for (const item of built) {
    const budget = budgets[item.name]
    if (typeof budget !== 'object') {
      findings.push(`${item.name}: no budget (add one to the budgets file)`)
      continue
    }
    for (const [key, limit] of Object.entries(budget)) {
      const value = item[key]
      if (typeof value !== 'number') findings.push(`${item.name}: ${key} is not a figure of this bundle`)
      else if (value > limit) findings.push(`${item.name}: ${key} ${value} is over its budget of ${limit}`)
    }
  }
  return findings
}
