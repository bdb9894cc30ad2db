import type { Secret } from '@chainops/core'
import { type EthersWallet, toSignerKey } from '@chainops/core/ethers'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { LightningError } from '../errors/LightningError.ts'
import { resolveSendingKeys } from '../settle/resolveSendingKeys.ts'

/** One operator key as `startIssuance` takes it: a wrapped private key or an ethers v6 `Wallet`. */
export type IssuanceSignerKey = Secret<Hex> | EthersWallet

function invalid(details: string): LightningError {
  return new LightningError({
    code: 'ISSUANCE_CONFIG_INVALID',
    shortMessage: 'Invalid signerKey',
    details: `signerKey: ${details}`,
  })
}

/**
 * The service's sending keys, one or K, as raw keys for the minters: K = 0, an entry that is not
 * a private key, or two entries of one address (a key listed twice) are `ISSUANCE_CONFIG_INVALID`
 * naming `signerKey` and the entries, never a key's value. One key passes as it always did.
 */
export function resolveIssuanceSignerKeys(keys: IssuanceSignerKey | readonly IssuanceSignerKey[]): Secret<Hex>[] {
  if (!Array.isArray(keys)) return [toSignerKey(keys as IssuanceSignerKey)]
  if (keys.length === 0) throw invalid('at least one sending key is needed (K = 0)')
  const secrets = keys.map((key) => toSignerKey(key))
  if (secrets.length === 1) return secrets
  const addresses = secrets.map((secret, index) => {
    try {
      return privateKeyToAddress(secret.reveal())
    } catch {
      throw invalid(`entry ${index} is not a private key`)
    }
  })
  // A key listed twice would be two minters on one nonce stream: refused, by address.
  resolveSendingKeys(addresses, 'signerKey', 'ISSUANCE_CONFIG_INVALID')
  return secrets
}
