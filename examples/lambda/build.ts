// Builds the Lambda functions of this folder into deployable zips, and checks their sizes against
// budgets.json (exit 1 when one is over).
//
//   .tools/node/bin/node examples/lambda/build.ts [--out DIR] [--json] [--budgets FILE]
//
// Writes DIR/<function>/ (index.mjs + node_modules), DIR/<function>.zip and DIR/sizes.json;
// DIR defaults to examples/lambda/dist, FILE to examples/lambda/budgets.json. --json prints the
// report instead of the table.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { buildLambdaBundles } from './build/buildLambdaBundles.ts'
import { type BundleBudgets, checkBundleBudgets } from './build/checkBundleBudgets.ts'

const { values } = parseArgs({
  options: { out: { type: 'string' }, json: { type: 'boolean', default: false }, budgets: { type: 'string' } },
})
const outDir = values.out ?? new URL('./dist', import.meta.url).pathname
const built = await buildLambdaBundles({ outDir })
const budgetsPath = values.budgets ?? new URL('./budgets.json', import.meta.url).pathname
const budgets = JSON.parse(await readFile(budgetsPath, 'utf8')) as BundleBudgets
const findings = checkBundleBudgets(built, budgets)

if (values.json) {
  process.stdout.write(`${JSON.stringify({ functions: built, budgets, findings }, null, 2)}\n`)
} else {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
  for (const fn of built) {
    const entry = budgets[fn.name]
    const budget = typeof entry === 'object' ? entry : undefined
    process.stdout.write(
      `${fn.name.padEnd(14)} index.mjs ${kB(fn.bundleBytes).padStart(9)} (budget ${budget ? kB(budget.bundleBytes) : 'none'})` +
        `  zip ${kB(fn.zipBytes).padStart(9)} (budget ${budget ? kB(budget.zipBytes) : 'none'})` +
        `  unzipped ${kB(fn.unzippedBytes)}, ${fn.files} files, ${fn.packages.length} packages  ${fn.zipPath}\n`,
    )
  }
  for (const finding of findings) process.stderr.write(`over budget: ${finding}\n`)
}
process.exitCode = findings.length > 0 ? 1 : 0
