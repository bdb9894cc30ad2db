import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleLambdaFunction } from './bundleLambdaFunction.ts'
import { type CopiedPackage, copyExternalPackages } from './copyExternalPackages.ts'
import { type LambdaFunction, lambdaFunctions, runtimeExternals, shippedExternals } from './lambdaFunctions.ts'
import { writeZip } from './writeZip.ts'

export type BuildLambdaBundlesParameters = {
  /** Where each function's layout directory `<name>/` and `<name>.zip` go (emptied per function). */
  outDir: string
  /** Default: every function of `lambdaFunctions`. */
  functions?: readonly LambdaFunction[] | undefined
}

export type BuiltLambdaFunction = {
  name: string
  /** The runtime's handler setting. */
  handler: 'index.handler'
  /** `<outDir>/<name>`: index.mjs + node_modules, what the zip holds. */
  layoutDir: string
  zipPath: string
  /** index.mjs alone. */
  bundleBytes: number
  zipBytes: number
  unzippedBytes: number
  files: number
  /** What node_modules holds: the shipped externals and their dependencies. */
  packages: CopiedPackage[]
  largestInputs: Array<{ path: string; bytes: number }>
  /** The packages the bundle imports and leaves out: shipped ones (in node_modules) and the runtime's (the AWS SDK). */
  externalImports: string[]
  buildMs: number
}

const here = new URL('..', import.meta.url).pathname

/**
 * Builds each function's deployable layout and zip: the handler bundled by esbuild into
 * `index.mjs`, the packages it leaves out but needs (see `lambdaFunctions`) copied with their
 * dependencies into `node_modules`, the whole directory zipped. Writes `sizes.json` beside them
 * (the report it returns).
 */
export async function buildLambdaBundles(parameters: BuildLambdaBundlesParameters): Promise<BuiltLambdaFunction[]> {
  const { outDir } = parameters
  await mkdir(outDir, { recursive: true })
  const built: BuiltLambdaFunction[] = []
  for (const fn of parameters.functions ?? lambdaFunctions) {
    const started = performance.now()
    const layoutDir = join(outDir, fn.name)
    const zipPath = join(outDir, `${fn.name}.zip`)
    await rm(layoutDir, { recursive: true, force: true })
    await rm(zipPath, { force: true })
    const entry = join(here, fn.entry)
    const bundle = await bundleLambdaFunction({
      entry,
      outfile: join(layoutDir, 'index.mjs'),
      external: [...shippedExternals, ...runtimeExternals],
    })
    // Only what this bundle still imports: the mint consumer, for one, never loads lightning.
    const shipped = shippedExternals.filter((name) => bundle.externalImports.includes(name))
    const packages = await copyExternalPackages({ packages: shipped, resolveFrom: here, layoutDir })
    const zip = await writeZip(layoutDir, zipPath)
    built.push({
      name: fn.name,
      handler: 'index.handler',
      layoutDir,
      zipPath,
      bundleBytes: bundle.bytes,
      zipBytes: zip.zipBytes,
      unzippedBytes: zip.unzippedBytes,
      files: zip.files,
      packages,
      largestInputs: bundle.largestInputs,
      externalImports: bundle.externalImports,
      buildMs: Math.round(performance.now() - started),
    })
  }
  await writeFile(join(outDir, 'sizes.json'), `${JSON.stringify(built, null, 2)}\n`)
  return built
}
