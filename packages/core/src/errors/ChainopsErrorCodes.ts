import type { CoreErrorCode } from './CoreErrorCode.ts'

/**
 * The registry of every package's error codes. Each package adds its own union by declaration
 * merging, so that `isChainopsError(error, 'MINT_NONCE_GAP')` is checked by the compiler against
 * the codes of the packages a program imports:
 *
 * ```ts
 * declare module '@chainops/core' {
 *   interface ChainopsErrorCodes {
 *     lightning: LightningErrorCode
 *   }
 * }
 * ```
 */
export interface ChainopsErrorCodes {
  core: CoreErrorCode
}

/** Every error code known to the program: the union of the registered packages' codes. */
export type ChainopsErrorCode = ChainopsErrorCodes[keyof ChainopsErrorCodes]
