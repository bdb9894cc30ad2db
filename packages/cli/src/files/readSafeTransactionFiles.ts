import { type FromSafeTransactionFileReturnType, fromSafeTransactionFile } from '@chainops/treasury'
import { isAddressEqual } from 'viem'
import { CliError } from '../errors/CliError.ts'
import { usageError } from '../errors/usageError.ts'
import type { ConnectedChain } from '../rpc/connectChain.ts'
import { readTextFile } from './readTextFile.ts'

/**
 * The Safe transaction files named as positionals (at least one), each checked by
 * `fromSafeTransactionFile`, all for the same Safe and for the chain the RPC serves.
 */
export function readSafeTransactionFiles(
  paths: readonly string[],
  chain: ConnectedChain,
): FromSafeTransactionFileReturnType[] {
  if (paths.length === 0) throw usageError('name the Safe transaction file (TX.json)')
  const files = paths.map((path) => {
    const read = fromSafeTransactionFile(readTextFile(path, 'Safe transaction'))
    if (read.chainId !== chain.chainId) {
      throw new CliError({
        code: 'CLI_CHAIN_MISMATCH',
        shortMessage: `${path} is for chain ${read.chainId}, the RPC serves chain ${chain.chainId}`,
      })
    }
    return read
  })
  const [first] = files
  for (const [i, other] of files.entries()) {
    if (first && !isAddressEqual(other.safeAddress, first.safeAddress)) {
      throw new CliError({
        code: 'CLI_FILE_INVALID',
        shortMessage: `${paths[i]} is for Safe ${other.safeAddress}, ${paths[0]} for ${first.safeAddress}`,
      })
    }
  }
  return files
}
