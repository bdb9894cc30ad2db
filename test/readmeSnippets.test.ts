import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

// Every package README opens with the lines a user writes first, in a ```ts block: this suite
// typechecks that block against the packages' public entry points, as a file of the package would
// see them (its dependencies, its own name through its exports map), and runs it with the
// project's Node. A block that needs the local daemons is marked by the comment
// `<!-- snippet: needs-devnet -->` on the line above it: it is typechecked, not run.
//
// The snippet never touches the working tree: it is typechecked as an in-memory file of its package
// (packages/<name>/README.snippet.ts), and run with `node --input-type=module-typescript --eval` in a
// fresh temp directory, its imports resolved from the package's directory by a resolve hook.

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
const needsDevnetMarker = /<!--\s*snippet:\s*needs-devnet\s*-->\s*$/
const runTimeoutMs = 60_000

type Snippet = {
  packageName: string
  packageDir: string
  readme: string
  code: string
  firstLine: number
  needsDevnet: boolean
}

type Manifest = { name: string; bin?: unknown }

/** The first ```ts block of a README, the README line its code starts on, and its marker. */
function firstTsBlock(markdown: string): { code: string; firstLine: number; needsDevnet: boolean } | undefined {
  const lines = markdown.split('\n')
  const start = lines.findIndex((line) => /^```(ts|typescript)\s*$/.test(line))
  if (start < 0) return undefined
  const end = lines.findIndex((line, index) => index > start && /^```\s*$/.test(line))
  if (end < 0) return undefined
  let above = start - 1
  while (above >= 0 && (lines[above] as string).trim() === '') above--
  return {
    code: `${lines.slice(start + 1, end).join('\n')}\n`,
    firstLine: start + 2,
    needsDevnet: above >= 0 && needsDevnetMarker.test(lines[above] as string),
  }
}

const packages = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
  .sort()
  .map((dir) => {
    const packageDir = join(root, 'packages', dir)
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest
    return { dir, packageDir, manifest }
  })
// The command line package's README opens with shell commands: it has no library to import.
const libraries = packages.filter((entry) => entry.manifest.bin === undefined)

const snippets: Snippet[] = []
for (const { packageDir, manifest } of libraries) {
  const readme = join(packageDir, 'README.md')
  if (!existsSync(readme)) continue
  const block = firstTsBlock(readFileSync(readme, 'utf8'))
  if (block) snippets.push({ packageName: manifest.name, packageDir, readme: relative(root, readme), ...block })
}

describe('README snippets', () => {
  for (const { dir, packageDir, manifest } of libraries) {
    it(`${manifest.name}: packages/${dir}/README.md opens with a \`\`\`ts block`, () => {
      const readme = join(packageDir, 'README.md')
      if (!existsSync(readme)) assert.fail(`packages/${dir}/README.md is missing`)
      if (firstTsBlock(readFileSync(readme, 'utf8')) === undefined) {
        assert.fail(
          `packages/${dir}/README.md has no \`\`\`ts block: it opens with the lines a user writes first, imports included`,
        )
      }
    })
  }

  let diagnostics = new Map<string, string[]>()
  before(function () {
    this.timeout(180_000)
    diagnostics = typecheck(snippets)
  })

  for (const snippet of snippets) {
    it(`${snippet.readme}: the first \`\`\`ts block typechecks against the public entry points`, () => {
      const errors = diagnostics.get(snippet.readme) ?? []
      if (errors.length > 0)
        assert.fail(`${snippet.readme}: the first \`\`\`ts block does not typecheck:\n${errors.join('\n')}`)
    })
  }

  for (const snippet of snippets) {
    const title = `${snippet.readme}: the first \`\`\`ts block runs`
    // A block marked needs-devnet is not run here (it needs the local daemons): the typecheck test above covers it.
    if (snippet.needsDevnet) continue
    it(title, async function () {
      this.timeout(runTimeoutMs + 30_000)
      const result = await runSnippet(snippet)
      if (result.error) {
        assert.fail(
          `${snippet.readme}: the first \`\`\`ts block (line ${snippet.firstLine}) failed: ${result.error}\n` +
            `${result.stderr}\nIf it needs the local daemons, mark it with <!-- snippet: needs-devnet --> on the line above.`,
        )
      }
    })
  }
})

/** tsc's diagnostics for each README's snippet, each as `README.md:line:column TSxxxx message`. */
function typecheck(all: Snippet[]): Map<string, string[]> {
  const configFile = join(root, 'tsconfig.base.json')
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile)
  const options: ts.CompilerOptions = {
    ...ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile).options,
    noEmit: true,
    types: ['node'],
    composite: false,
    incremental: false,
  }
  const virtual = new Map(all.map((snippet) => [join(snippet.packageDir, 'README.snippet.ts'), snippet]))
  const host = ts.createCompilerHost(options, true)
  const readFile = host.readFile
  const fileExists = host.fileExists
  host.readFile = (path) => virtual.get(path)?.code ?? readFile(path)
  host.fileExists = (path) => virtual.has(path) || fileExists(path)
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (path, language, ...rest) => {
    const snippet = virtual.get(path)
    return snippet ? ts.createSourceFile(path, snippet.code, language, true) : getSourceFile(path, language, ...rest)
  }
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host })
  const failures = new Map<string, string[]>()
  for (const [path, snippet] of virtual) {
    const errors: string[] = []
    failures.set(snippet.readme, errors)
    const file = program.getSourceFile(path)
    if (!file) {
      errors.push(`${snippet.readme}: the snippet was not compiled`)
      continue
    }
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
    for (const diagnostic of diagnostics) {
      const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ')
      errors.push(`${snippet.readme}:${snippet.firstLine + line}:${character + 1} TS${diagnostic.code} ${message}`)
    }
  }
  return failures
}

/**
 * Runs a snippet as an ES module with type stripping, in a temp directory (whatever it writes goes
 * there), its bare imports resolved as from a file in its package.
 */
async function runSnippet(snippet: Snippet): Promise<{ error?: string; stderr: string }> {
  const cwd = await mkdtemp(join(tmpdir(), 'chainops-readme-'))
  const parentURL = pathToFileURL(join(snippet.packageDir, 'README.snippet.ts')).href
  const hook = [
    "import { registerHooks } from 'node:module'",
    `const parentURL = ${JSON.stringify(parentURL)}`,
    'registerHooks({ resolve(specifier, context, next) {',
    "  const fromSnippet = context.parentURL === undefined || context.parentURL.includes('[eval')",
    '  return next(specifier, fromSnippet ? { ...context, parentURL } : context)',
    '} })',
  ].join('\n')
  // Its own process group, killed whole afterwards: a snippet that starts daemons by mistake
  // leaves none behind (devnet's daemons stay in their parent's group).
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--import',
      `data:text/javascript,${encodeURIComponent(hook)}`,
      '--input-type=module-typescript',
      '--eval',
      snippet.code,
    ],
    { cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const killGroup = () => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      // the group is gone already
    }
  }
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup()
  }, runTimeoutMs)
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (exitCode) => resolve(exitCode))
    })
    if (timedOut) return { error: `it did not exit within ${runTimeoutMs / 1000} s`, stderr }
    return code === 0 ? { stderr } : { error: `exit code ${code}`, stderr }
  } finally {
    clearTimeout(timer)
    killGroup()
    await rm(cwd, { recursive: true, force: true })
  }
}
