import type { EthersSigner } from './EthersSigner.ts'

/**
 * Whether `value` is an ethers signer rather than a viem account or a Safe owner signer: it has a
 * `getAddress` method and no viem account `type` (`local`, `json-rpc`, `smart`). One that lacks a
 * method chainops needs (an ethers v5 signer has `_signTypedData`) counts too, so that the adapters
 * refuse it by name (`ETHERS_SIGNER_UNSUPPORTED`) instead of passing it on as a viem account.
 */
export function isEthersSigner(value: unknown): value is EthersSigner {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return typeof candidate.getAddress === 'function' && typeof candidate.type !== 'string'
}
