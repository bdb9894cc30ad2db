import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { formatExampleRuns } from './formatExampleRuns.ts'

describe('formatExampleRuns', () => {
  it('names every program of examples/ (and no other) with a command that runs it', () => {
    const programs = readdirSync(new URL('../../../../examples/', import.meta.url)).filter((name) =>
      name.endsWith('.ts'),
    )
    const named = [...formatExampleRuns().matchAll(/\.tools\/node\/bin\/node examples\/([\w-]+\.ts)/g)].map(
      (match) => match[1],
    )
    assert.deepEqual(named.toSorted(), programs.toSorted())
    assert.match(formatExampleRuns(), /bin\/chainops devnet up/)
  })
})
