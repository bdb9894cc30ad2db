import { execFile } from 'node:child_process'
import { chmod, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { bundleLambdaFunction } from './bundleLambdaFunction.ts'
import { type CopiedPackage, copyExternalPackages } from './copyExternalPackages.ts'
import { shippedExternals } from './lambdaFunctions.ts'

const run = promisify(execFile)

export type BuiltSettleSubscriber = {
  name: 'settle-subscriber'
  /** What systemd starts, relative to the unpacked directory. */
  executable: 'bin/subscriber'
  /** `<outDir>/settle-subscriber`: bin/subscriber, index.mjs, node_modules; what the tarball holds. */
  layoutDir: string
  archivePath: string
  /** index.mjs alone (the AWS SDK inside it: no runtime provides it on the host). */
  bundleBytes: number
  archiveBytes: number
  unpackedBytes: number
  files: number
  packages: CopiedPackage[]
  largestInputs: Array<{ path: string; bytes: number }>
  externalImports: string[]
  buildMs: number
}

// The launcher systemd starts: the bundle on the host's Node (CHAINOPS_NODE, else `node` on PATH).
// exec: the subscriber keeps the unit's PID, so systemd's SIGTERM reaches it and the store lease
// names that PID (a standby on the host takes over at once when it dies).
const LAUNCHER = `#!/bin/sh
# chainops settle subscriber (examples/lambda/settleSubscriber.ts); needs Node >= 22.12.
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 1
exec "\${CHAINOPS_NODE:-node}" "$here/index.mjs" "$@"
`

const here = new URL('..', import.meta.url).pathname

/**
 * Builds the settle subscriber as the lnd host runs it: settleSubscriber.ts bundled by esbuild
 * into `index.mjs` with the AWS SDK inside (an EC2 host has no Lambda runtime to provide it),
 * `lightning` and its dependencies copied into `node_modules` (it reads its .proto files from
 * disk), and `bin/subscriber`; then `<outDir>/settle-subscriber.tar.gz` of that tree (GNU tar,
 * sorted, fixed times and owners: the same tree gives the same archive).
 */
export async function buildSettleSubscriber(parameters: { outDir: string }): Promise<BuiltSettleSubscriber> {
  const started = performance.now()
  const layoutDir = join(parameters.outDir, 'settle-subscriber')
  const archivePath = join(parameters.outDir, 'settle-subscriber.tar.gz')
  await rm(layoutDir, { recursive: true, force: true })
  await rm(archivePath, { force: true })
  const bundle = await bundleLambdaFunction({
    entry: join(here, 'settleSubscriber.ts'),
    outfile: join(layoutDir, 'index.mjs'),
    external: [...shippedExternals],
  })
  const shipped = shippedExternals.filter((name) => bundle.externalImports.includes(name))
  const packages = await copyExternalPackages({ packages: shipped, resolveFrom: here, layoutDir })
  await mkdir(join(layoutDir, 'bin'))
  await writeFile(join(layoutDir, 'bin', 'subscriber'), LAUNCHER)
  await chmod(join(layoutDir, 'bin', 'subscriber'), 0o755)
  await run('tar', [
    '--sort=name',
    '--mtime=@0',
    '--owner=0',
    '--group=0',
    '--numeric-owner',
    '--mode=u+rw,go+r,go-w',
    '-czf',
    archivePath,
    '-C',
    layoutDir,
    '.',
  ])
  let files = 0
  let unpackedBytes = 0
  for (const entry of await readdir(layoutDir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      files++
      unpackedBytes += (await stat(join(entry.parentPath, entry.name))).size
    }
  return {
    name: 'settle-subscriber',
    executable: 'bin/subscriber',
    layoutDir,
    archivePath,
    bundleBytes: bundle.bytes,
    archiveBytes: (await stat(archivePath)).size,
    unpackedBytes,
    files,
    packages,
    largestInputs: bundle.largestInputs,
    externalImports: bundle.externalImports,
    buildMs: Math.round(performance.now() - started),
  }
}
