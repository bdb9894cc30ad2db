import { ChainopsError } from '@chainops/core'
import { build, type Plugin } from 'esbuild'

export type BundleLambdaFunctionParameters = {
  /** The handler file. */
  entry: string
  /** Where the bundle goes: `<layout>/index.mjs`. */
  outfile: string
  /** Package names (or `@scope/*`) left as imports. */
  external: readonly string[]
}

export type BundleLambdaFunctionReturnType = {
  bytes: number
  /** Bytes of the bundle each input contributed, largest first (the top ones: what to cut when over budget). */
  largestInputs: Array<{ path: string; bytes: number }>
  /** The packages the bundle still imports (built-ins aside), e.g. `lightning`, `@aws-sdk/client-sqs`. */
  externalImports: string[]
}

// An ES module bundle has no `require`; the CommonJS code inside it (and esbuild's own shim for it)
// needs one to load Node built-ins, so the bundle makes it from its own URL.
const REQUIRE_BANNER =
  "import { createRequire as __chainopsCreateRequire } from 'node:module';\nconst require = __chainopsCreateRequire(import.meta.url);"

// @scure/bip39 (through viem/accounts, which re-exports all ten BIP-39 wordlists) does not declare
// `sideEffects: false`, so esbuild keeps every wordlist (230 kB) although only the English one is
// used. They are plain data modules: say so, and the unused ones go.
const pureWordlists: Plugin = {
  name: 'pure-bip39-wordlists',
  setup(build) {
    build.onResolve({ filter: /^@scure\/bip39\/wordlists\// }, async (args) => {
      if (args.pluginData === pureWordlists) return undefined
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: pureWordlists,
      })
      return errors.length > 0 ? { errors } : { path, sideEffects: false }
    })
  },
}

/**
 * Bundles one handler into a single ES module for the nodejs22.x runtime, minified, with the
 * given packages left as imports. Our packages declare `"sideEffects": false`, which lets esbuild
 * drop every module the handler does not reach (the embedded store, the CLI-only parts).
 */
export async function bundleLambdaFunction(
  parameters: BundleLambdaFunctionParameters,
): Promise<BundleLambdaFunctionReturnType> {
  const result = await build({
    entryPoints: [parameters.entry],
    outfile: parameters.outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // ES module builds first: they tree-shake, CommonJS ones do not.
    mainFields: ['module', 'main'],
    external: [...parameters.external],
    banner: { js: REQUIRE_BANNER },
    minify: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [pureWordlists],
  })
  const output = Object.values(result.metafile.outputs)[0]
  if (!output)
    throw new ChainopsError({
      code: 'LAMBDA_BUILD_FAILED',
      shortMessage: 'esbuild wrote no bundle',
      details: parameters.entry,
    })
  const largestInputs = Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10)
  const externalImports = [
    ...new Set(
      output.imports.filter((item) => item.external && !item.path.startsWith('node:')).map((item) => item.path),
    ),
  ].sort()
  return { bytes: output.bytes, largestInputs, externalImports }
}
