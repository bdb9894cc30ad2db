import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser'
import { findPackageCycles } from '../scripts/findPackageCycles.ts'

// The rules of .dependency-cruiser.cjs, proven on a small workspace of deliberate violations: each
// rule fires on the import it is written for (and the package cycle is found), so that a rule that
// stops matching (a renamed folder, a typo in a pattern) fails here instead of passing silently.

const require = createRequire(import.meta.url)
const config = require('../.dependency-cruiser.cjs') as IConfiguration

const fixture: Record<string, string> = {
  'packages/core/src/index.ts': "import { devnet } from '../../devnet/src/index.ts'\nexport const core = devnet",
  'packages/core/src/missing.ts': "import { gone } from './gone.ts'\nexport const missing = gone",
  'packages/core/src/testing/index.ts': 'export const testing = 1',
  'packages/devnet/src/index.ts': "import { core } from '../../core/src/index.ts'\nexport const devnet = core",
  'packages/devnet/src/useLightning.ts':
    "import { lightning } from '../../lightning/src/index.ts'\nexport const use = lightning",
  'packages/lightning/src/index.ts': 'export const lightning = 1',
  'packages/lightning/src/a.ts': "import { b } from './b.ts'\nexport const a = () => b",
  'packages/lightning/src/b.ts': "import { a } from './a.ts'\nexport const b = () => a",
  'packages/lightning/src/c.ts': "import type { D } from './d.ts'\nexport type C = { d?: D }",
  'packages/lightning/src/d.ts': "import type { C } from './c.ts'\nexport type D = { c?: C }",
  'packages/treasury/src/lib.ts': [
    "import { lightning } from '../../lightning/src/index.ts'",
    "import { testkit } from '../../testkit/src/index.ts'",
    "import { testing } from '../../core/src/testing/index.ts'",
    "import { fixtureValue } from './lib.test.ts'",
    "import { example } from '../../../examples/example.ts'",
    'export const lib = [lightning, testkit, testing, fixtureValue, example]',
  ].join('\n'),
  'packages/treasury/src/lib.test.ts': 'export const fixtureValue = 1',
  'packages/testkit/src/index.ts': "import { lib } from '../../treasury/src/lib.ts'\nexport const testkit = lib",
  'packages/dvt/src/keys.ts':
    "import { lib } from '../../treasury/src/lib.ts'\nimport { lightning } from '../../lightning/src/index.ts'\nexport const keys = [lib, lightning]",
  'packages/clique/src/x.test.ts': "import { devnet } from '../../devnet/src/index.ts'\nexport const x = devnet",
  'packages/cli/src/main.ts': "import { testkit } from '../../testkit/src/index.ts'\nexport const main = testkit",
  'examples/example.ts': 'export const example = 1',
}

/** Each violation as `rule: from → to`. */
function violations(result: ICruiseResult): string[] {
  return (result.summary.violations ?? []).map(
    (violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`,
  )
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let dir: string
  let result: ICruiseResult

  before(async function () {
    this.timeout(60_000)
    dir = mkdtempSync(join(tmpdir(), 'chainops-depcruise-'))
    for (const [path, text] of Object.entries(fixture)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), `${text}\n`)
    }
    const { tsConfig: _, ...options } = config.options ?? {}
    const cruised = await cruise(['packages', 'examples'], {
      ...options,
      baseDir: dir,
      ruleSet: { forbidden: config.forbidden ?? [] },
      validate: true,
      outputType: 'json',
    })
    result = JSON.parse(String(cruised.output)) as ICruiseResult
  })

  after(() => rmSync(dir, { recursive: true, force: true }))

  const expected = [
    'core-imports-no-package: packages/core/src/index.ts → packages/devnet/src/index.ts',
    'only-through-exports: packages/core/src/index.ts → packages/devnet/src/index.ts',
    'not-to-unresolvable: packages/core/src/missing.ts → ./gone.ts',
    'no-circular: packages/lightning/src/a.ts → packages/lightning/src/b.ts',
    'no-circular-types: packages/lightning/src/c.ts → packages/lightning/src/d.ts',
    'feature-imports-only-core: packages/treasury/src/lib.ts → packages/lightning/src/index.ts',
    'library-not-to-devnet-or-testkit: packages/treasury/src/lib.ts → packages/testkit/src/index.ts',
    'library-not-to-testing: packages/treasury/src/lib.ts → packages/core/src/testing/index.ts',
    'library-not-to-tests: packages/treasury/src/lib.ts → packages/treasury/src/lib.test.ts',
    'nothing-imports-entry-scripts: packages/treasury/src/lib.ts → examples/example.ts',
    'testkit-imports-core-clique-devnet: packages/testkit/src/index.ts → packages/treasury/src/lib.ts',
    'dvt-imports-core-treasury: packages/dvt/src/keys.ts → packages/lightning/src/index.ts',
    'clique-imports-only-core: packages/clique/src/x.test.ts → packages/devnet/src/index.ts',
    'cli-not-to-testkit: packages/cli/src/main.ts → packages/testkit/src/index.ts',
    'devnet-imports-core-clique: packages/devnet/src/useLightning.ts → packages/lightning/src/index.ts',
  ]
  for (const violation of expected) {
    it(`catches ${violation}`, () => {
      if (!violations(result).includes(violation))
        assert.fail(`not reported; reported:\n${violations(result).join('\n')}`)
    })
  }

  it('lets dvt use treasury (the seed and the DVTNodeKeys tier)', () => {
    const dvtToTreasury = violations(result).filter(
      (violation) =>
        violation.includes('packages/dvt/src/keys.ts → packages/treasury/') &&
        !violation.startsWith('only-through-exports'),
    )
    assert.deepEqual(dvtToTreasury, [])
  })

  it('finds the package cycle core → devnet → core with the imports that close it', () => {
    const cycles = findPackageCycles(result)
    assert.deepEqual(
      cycles.find((cycle) => cycle.packages[0] === 'core'),
      {
        packages: ['core', 'devnet', 'core'],
        edges: [
          'packages/core/src/index.ts → packages/devnet/src/index.ts',
          'packages/devnet/src/index.ts → packages/core/src/index.ts',
        ],
      },
    )
  })
})
