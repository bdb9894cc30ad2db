// How long `chainops` takes to start, against a bare `node -e 0` measured in the same run: wall
// time, CPU time and peak RSS of `chainops --help` (the command table only) and `chainops genesis
// lint FILE` (the table, then @chainops/clique and viem, loaded when the command runs), each a
// fresh process. Contenders: the built CLI (packages/cli/dist, emitted by `tsc -b`; in this checkout
// its @chainops/* imports resolve to their sources), the source as bin/chainops runs it, the built
// CLI without its compile cache (a first run after install), and, when CLI names one, another main:
// an installed CLI (`CLI=<project>/node_modules/@chainops/cli/dist/main.js`), or an older source
// (CLI_LABEL names it). Runs are interleaved so machine load hits all alike; figures are the median
// and the minimum wall time (the least disturbed run: the machine may be shared) and the median CPU
// time, which load disturbs less. CPU time and peak RSS come from each child's own
// process.resourceUsage(), written at exit by a preloaded one-line module (the baseline loads it too).
// Run: pnpm -s exec tsc -b packages/cli && node bench/cliStartup.bench.ts   (RUNS=20 by default)
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const RUNS = Number(process.env.RUNS ?? 20)
const dist = fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url))
const src = fileURLToPath(new URL('../packages/cli/src/main.ts', import.meta.url))
const genesis = fileURLToPath(new URL('../packages/clique/test/fixtures/seed-genesis.json', import.meta.url))
if (!existsSync(dist)) throw new Error(`${dist} is missing: run \`pnpm -s exec tsc -b packages/cli\` first`)

const dir = await mkdtemp(join(tmpdir(), 'chainops-cli-startup-'))
const usageFile = join(dir, 'usage.json')
// The CLI keeps V8's compiled code between runs (main.ts): here in a directory of this run, which
// the warm-up fills.
const cacheDir = join(dir, 'compile-cache')
// The child's own peak RSS (KiB) and CPU time (µs), written at exit.
const recordUsage = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(process.env.USAGE_FILE,JSON.stringify([u.maxRSS,u.userCPUTime+u.systemCPUTime]))})`
// The flags bin/chainops passes (they only silence warnings).
const nodeFlags = ['--disable-warning=ExperimentalWarning', '--disable-warning=DEP0123', '--import', recordUsage]

type Contender = { name: string; args: string[]; exitCode: number; env?: Record<string, string> }
const clis: [string, string][] = [
  ['dist', dist],
  ['src', src],
]
if (process.env.CLI) clis.push([process.env.CLI_LABEL ?? 'installed', process.env.CLI])
const contenders: Contender[] = [
  { name: 'node -e 0', args: ['-e', '0'], exitCode: 0 },
  ...clis.flatMap(([label, main]): Contender[] => [
    { name: `chainops --help (${label})`, args: [main, '--help'], exitCode: 0 },
    // The seed genesis has findings of severity error: exit 1 is the command's answer.
    { name: `chainops genesis lint (${label})`, args: [main, 'genesis', 'lint', genesis], exitCode: 1 },
  ]),
  // The first run after an install: V8 compiles every module, none comes from the compile cache.
  {
    name: 'chainops genesis lint (dist, no cache)',
    args: [dist, 'genesis', 'lint', genesis],
    exitCode: 1,
    env: { NODE_DISABLE_COMPILE_CACHE: '1' },
  },
]

type Sample = { wall: number; cpu: number; rss: number }

function runOnce({ args, exitCode, env }: Contender): Promise<Sample> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeFlags, ...args],
      { env: { ...process.env, NODE_COMPILE_CACHE: cacheDir, ...env, USAGE_FILE: usageFile } },
      (error, _stdout, stderr) => {
        const wall = performance.now() - started
        const code = error ? error.code : 0
        if (code !== exitCode) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))
        readFile(usageFile, 'utf8').then((text) => {
          const [rssKib, cpuMicros] = JSON.parse(text) as [number, number]
          resolve({ wall, cpu: cpuMicros / 1000, rss: rssKib / 1024 })
        }, reject)
      },
    )
  })
}

const samples = new Map(contenders.map((c) => [c.name, [] as Sample[]]))
for (const contender of contenders) await runOnce(contender) // warm-up: the file cache, left out
for (let run = 0; run < RUNS; run++) {
  for (const contender of contenders) {
    samples.get(contender.name)?.push(await runOnce(contender))
  }
}
await rm(dir, { recursive: true, force: true })

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}
const figures = (name: string) => {
  const runs = samples.get(name) as Sample[]
  const wall = runs.map((s) => s.wall)
  return {
    median: median(wall),
    min: Math.min(...wall),
    cpu: median(runs.map((s) => s.cpu)),
    rss: Math.max(...runs.map((s) => s.rss)),
  }
}
const baseline = figures('node -e 0')
const targets: Record<string, number> = { '--help': 300, 'genesis lint': 400 }

console.log(`chainops startup, ${RUNS} runs each, Node ${process.version}`)
for (const { name } of contenders) {
  const { median: med, min, cpu, rss } = figures(name)
  const target = Object.entries(targets).find(([words]) => name.includes(words))?.[1]
  const verdict =
    target === undefined
      ? ''
      : `  (target < ${target} ms: median ${med < target ? 'met' : 'MISSED'}, minimum ${min < target ? 'met' : 'MISSED'})`
  console.log(
    `  ${name.padEnd(34)} median ${med.toFixed(0).padStart(5)} ms, min ${min.toFixed(0).padStart(5)} ms, ` +
      `${(med / baseline.median).toFixed(2).padStart(5)}x node -e 0; CPU ${cpu.toFixed(0).padStart(4)} ms, ` +
      `${(cpu / baseline.cpu).toFixed(2).padStart(5)}x; peak RSS ${rss.toFixed(0).padStart(4)} MB${verdict}`,
  )
}
