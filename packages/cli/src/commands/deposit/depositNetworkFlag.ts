import { type DepositNetwork, depositNetworks } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'

/** `--network` as a deposit network name (exit 2 for any other). */
export function depositNetworkFlag(value: unknown): DepositNetwork {
  if (typeof value !== 'string' || !Object.hasOwn(depositNetworks, value))
    throw usageError(
      `--network must be one of ${Object.keys(depositNetworks).join(', ')}, got ${JSON.stringify(String(value))}`,
    )
  return value as DepositNetwork
}
