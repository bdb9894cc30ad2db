import { type SafeContracts, safeV141Contracts } from '@chainops/treasury'
import { keccak256, type PublicClient } from 'viem'
import { CliError } from '../errors/CliError.ts'

/**
 * The Safe v1.4.1 contracts at their canonical addresses, checked by code hash on this chain
 * (read only: `chainops safe deploy` is what deploys them).
 */
export async function canonicalSafeContracts(publicClient: PublicClient): Promise<SafeContracts> {
  const contracts = {} as SafeContracts
  const missing: string[] = []
  for (const contract of safeV141Contracts) {
    const code = await publicClient.getCode({ address: contract.address })
    if (!code || keccak256(code) !== contract.codeHash) missing.push(`${contract.name} (${contract.address})`)
    contracts[contract.name] = contract.address
  }
  if (missing.length) {
    throw new CliError({
      code: 'CLI_SAFE_CONTRACTS_MISSING',
      shortMessage: 'the Safe v1.4.1 contracts are not deployed on this chain: run `chainops safe deploy` first',
      details: `missing or different: ${missing.join(', ')}`,
    })
  }
  return contracts
}
