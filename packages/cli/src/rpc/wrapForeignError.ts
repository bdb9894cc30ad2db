import { isChainopsError, redactForeignText } from '@chainops/core'
import { CliError } from '../errors/CliError.ts'

/**
 * Runs chain work and turns an error that is neither ours nor a usage error (viem's HTTP and RPC
 * errors, protocol-kit's) into a CLI_CHAIN_CALL_FAILED with the first line of its message,
 * scrubbed of key material, so the command exits 1 with one readable line instead of a stack.
 */
export async function wrapForeignError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (isChainopsError(error)) throw error
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    throw new CliError({
      code: 'CLI_CHAIN_CALL_FAILED',
      shortMessage: 'a call to the chain failed',
      details: redactForeignText(message),
      cause: error,
    })
  }
}
