import { ChainopsError } from './ChainopsError.ts'
import type { ChainopsErrorCode } from './ChainopsErrorCodes.ts'

/**
 * True when `error` is a ChainopsError, optionally with the given code. The code is checked by the
 * compiler against {@link ChainopsErrorCodes}: a misspelt or unknown code does not compile.
 */
export function isChainopsError(error: unknown): error is ChainopsError
export function isChainopsError<TCode extends ChainopsErrorCode>(
  error: unknown,
  code: TCode | undefined,
): error is ChainopsError<TCode>
export function isChainopsError(error: unknown, code?: string): boolean {
  return error instanceof ChainopsError && (code === undefined || error.code === code)
}
