// `pnpm run depcruise`: the dependency rules of .dependency-cruiser.cjs over the whole workspace,
// plus the one rule dependency-cruiser cannot say itself: no cycle between packages (its cycle
// rules see modules or leaf folders, and core/test -> devnet/src -> core/src is neither).
// Exit code 0 when clean, 1 with every violation printed.
import { cruise, format, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'
import { findPackageCycles } from './findPackageCycles.ts'

const root = new URL('..', import.meta.url).pathname
process.chdir(root)

const targets = ['packages', 'bench', 'examples', 'test', 'hardhat', 'hardhat.config.ts', 'scripts']
const ruleSet = await extractDepcruiseConfig('./.dependency-cruiser.cjs')
const cruised = await cruise(
  targets,
  { ruleSet, validate: true, outputType: 'json' },
  {},
  { tsConfig: extractTSConfig(ruleSet.options?.tsConfig?.fileName ?? 'tsconfig.base.json') },
)
const result = JSON.parse(String(cruised.output)) as ICruiseResult
const report = await format(result, { outputType: 'err' })
const cycles = findPackageCycles(result)

process.stdout.write(String(report.output))
for (const cycle of cycles) {
  process.stdout.write(`  error no-package-cycle: ${cycle.packages.join(' → ')}\n`)
  for (const edge of cycle.edges) process.stdout.write(`      ${edge}\n`)
}
if (cycles.length > 0) process.stdout.write(`\nx ${cycles.length} package cycle(s).\n`)
process.exitCode = report.exitCode > 0 || cycles.length > 0 ? 1 : 0
