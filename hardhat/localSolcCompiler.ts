import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { SolcSolidityCompilerUserConfig } from 'hardhat/types/config'

const require = createRequire(import.meta.url)

/** Solidity compiler settings (solc standard JSON `settings`) this project sets itself. */
export type LocalSolcSettings = {
  evmVersion: 'london' | 'berlin'
  optimizer: { enabled: boolean; runs: number }
}

/**
 * A Hardhat compiler entry that uses the solc-js build shipped in the `solc` npm package, so
 * Hardhat never downloads a compiler.
 *
 * Why each field is what it is (Hardhat 3.18, read in its source
 * `internal/builtin-plugins/solidity/build-system/compiler/index.ts`):
 * - `path` set means `getCompilerFromPath`: a non-binary file is imported as a solc-js module;
 *   it must be absolute (a relative one is resolved against the cwd and fails), so it comes from
 *   `require.resolve`.
 * - `version` is not checked against the file: it is read from the same package the path points
 *   to, so the two cannot drift.
 */
export function localSolcCompiler(settings: LocalSolcSettings): SolcSolidityCompilerUserConfig & {
  path: string
  settings: LocalSolcSettings
} {
  const packageJsonPath = require.resolve('solc/package.json')
  const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string }
  return { version, path: require.resolve('solc/soljson.js'), settings }
}
