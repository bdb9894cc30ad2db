import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// `pnpm run docs` (typedoc.json) documents every public entry point: each `exports` entry of a
// published package that is TypeScript, except the CLI's (a command, no API). A new entry point
// that is not added to typedoc.json fails here rather than going undocumented.
const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '')
type Manifest = { name: string; private?: boolean; bin?: unknown; exports?: Record<string, unknown> }

describe('the API reference (typedoc.json)', () => {
  it('has every TypeScript entry point of every published library package, and nothing else', () => {
    const expected: string[] = []
    for (const dir of readdirSync(join(root, 'packages')).sort()) {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest
      if (manifest.private || manifest.bin !== undefined) continue
      for (const target of Object.values(manifest.exports ?? {}))
        if (typeof target === 'string' && target.endsWith('.ts')) expected.push(join('packages', dir, target))
    }
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as { entryPoints: string[] }
    assert.deepEqual([...config.entryPoints].sort(), expected.sort())
    assert.ok(expected.includes('packages/lightning/src/lambda/index.ts'))
  })
})
