// Run in the consumer project: imports every entry point of each installed @chainops library, as
// its published `exports` map names them, and prints what each exports, as JSON
// ({ "@chainops/core/aws": ["DynamoDbStore", …], … }).
import { readFileSync } from 'node:fs'

const libraries = [
  '@chainops/core',
  '@chainops/clique',
  '@chainops/lightning',
  '@chainops/treasury',
  '@chainops/dvt',
  '@chainops/aws-stack',
]
const exported: Record<string, string[]> = {}
for (const name of libraries) {
  const manifest = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), 'utf8')) as {
    exports: Record<string, unknown>
  }
  for (const subpath of Object.keys(manifest.exports)) {
    if (subpath.endsWith('.json')) continue
    const specifier = subpath === '.' ? name : `${name}${subpath.slice(1)}`
    exported[specifier] = Object.keys(await import(specifier)).sort()
  }
}
process.stdout.write(JSON.stringify(exported))
