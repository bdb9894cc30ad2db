import { Address, OutScript } from '@scure/btc-signer'
import { DevnetError } from '../DevnetError.ts'
import { REGTEST_NETWORK } from './regtestNetwork.ts'

/**
 * The output script (scriptPubKey) that pays a regtest address: P2PKH (`m…`/`n…`), P2SH (`2…`,
 * which is what lnd's `np2wpkh` addresses are) or segwit (`bcrt1…`). Addresses of other networks
 * and bad checksums are refused.
 */
export function regtestOutputScript(address: string): Uint8Array {
  try {
    return OutScript.encode(Address(REGTEST_NETWORK).decode(address))
  } catch (cause) {
    throw new DevnetError({
      code: 'DEVNET_BAD_OPTIONS',
      shortMessage: `not a regtest address: ${address}`,
      details: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }
}
