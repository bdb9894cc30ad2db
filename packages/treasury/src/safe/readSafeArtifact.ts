import { createRequire } from 'node:module'
import type { Abi, Hex } from 'viem'
import type { SafeV141Contract } from './SafeV141Contract.ts'

const require = createRequire(import.meta.url)

/** The compiled contract `@safe-global/safe-contracts` 1.4.1 ships (the release's own build). */
export function readSafeArtifact(contract: Pick<SafeV141Contract, 'artifact'>): {
  abi: Abi
  bytecode: Hex
  deployedBytecode: Hex
} {
  return require(`@safe-global/safe-contracts/build/artifacts/contracts/${contract.artifact}`)
}
