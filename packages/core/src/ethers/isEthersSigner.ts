import type { EthersSigner } from './EthersSigner.ts'

/**
 * Whether `value` is an ethers v6 signer rather than a viem account: it has `getAddress` and
 * `signTypedData` methods and no viem account `type` (`local`, `json-rpc`, `smart`).
 */
export function isEthersSigner(value: unknown): value is EthersSigner {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.getAddress === 'function' &&
    typeof candidate.signTypedData === 'function' &&
    typeof candidate.type !== 'string'
  )
}
