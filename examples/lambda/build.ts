// Builds the Lambda functions of this folder into deployable zips and the settle subscriber into
// a tarball for the lnd host, and checks their sizes against budgets.json (exit 1 when one is over).
//
//   .tools/node/bin/node examples/lambda/build.ts [--out DIR] [--json] [--budgets FILE]
//
// Writes DIR/<function>/ (index.mjs + node_modules), DIR/<function>.zip, DIR/sizes.json and
// DIR/settle-subscriber/ (bin/subscriber, index.mjs, node_modules) with DIR/settle-subscriber.tar.gz;
// DIR defaults to examples/lambda/dist, FILE to examples/lambda/budgets.json. --json prints the
// report instead of the table.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { buildLambdaBundles } from './build/buildLambdaBundles.ts'
import { buildSettleSubscriber } from './build/buildSettleSubscriber.ts'
import { type BundleBudgets, checkBundleBudgets } from './build/checkBundleBudgets.ts'

const { values } = parseArgs({
  options: { out: { type: 'string' }, json: { type: 'boolean', default: false }, budgets: { type: 'string' } },
})
const outDir = values.out ?? new URL('./dist', import.meta.url).pathname
const built = await buildLambdaBundles({ outDir })
const subscriber = await buildSettleSubscriber({ outDir })
const budgetsPath = values.budgets ?? new URL('./budgets.json', import.meta.url).pathname
const budgets = JSON.parse(await readFile(budgetsPath, 'utf8')) as BundleBudgets
const findings = checkBundleBudgets([...built, subscriber], budgets)

if (values.json) {
  process.stdout.write(`${JSON.stringify({ functions: built, programs: [subscriber], budgets, findings }, null, 2)}\n`)
} else {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`
  const limit = (name: string, key: string) => {
    const entry = budgets[name]
    const bytes = typeof entry === 'object' ? entry[key] : undefined
    return bytes === undefined ? 'none' : kB(bytes)
  }
  for (const fn of built)
    process.stdout.write(
      `${fn.name.padEnd(17)} index.mjs ${kB(fn.bundleBytes).padStart(9)} (budget ${limit(fn.name, 'bundleBytes')})` +
        `  zip ${kB(fn.zipBytes).padStart(9)} (budget ${limit(fn.name, 'zipBytes')})` +
        `  unzipped ${kB(fn.unzippedBytes)}, ${fn.files} files, ${fn.packages.length} packages  ${fn.zipPath}\n`,
    )
  process.stdout.write(
    `${subscriber.name.padEnd(17)} index.mjs ${kB(subscriber.bundleBytes).padStart(9)} (budget ${limit(subscriber.name, 'bundleBytes')})` +
      `  tar.gz ${kB(subscriber.archiveBytes).padStart(9)} (budget ${limit(subscriber.name, 'archiveBytes')})` +
      `  unpacked ${kB(subscriber.unpackedBytes)}, ${subscriber.files} files, ${subscriber.packages.length} packages  ${subscriber.archivePath}\n`,
  )
  for (const finding of findings) process.stderr.write(`over budget: ${finding}\n`)
}
process.exitCode = findings.length > 0 ? 1 : 0
