import { DevnetError } from '../DevnetError.ts'
import { decodeBase58Check } from './decodeBase58Check.ts'

// Regtest (and testnet) version bytes of legacy addresses.
const P2PKH_VERSION = 0x6f
const P2SH_VERSION = 0xc4

/**
 * The output script (scriptPubKey) that pays a regtest Base58 address: P2PKH (`m…`/`n…`) or
 * P2SH (`2…`, which is what lnd's `np2wpkh` addresses are). Other formats are refused.
 */
export function regtestOutputScript(address: string): Uint8Array {
  const payload = decodeBase58Check(address)
  const hash = payload.subarray(1)
  if (payload.length !== 21) {
    throw new DevnetError({ code: 'DEVNET_BAD_OPTIONS', shortMessage: `not a regtest base58 address: ${address}` })
  }
  if (payload[0] === P2PKH_VERSION) return Uint8Array.from([0x76, 0xa9, 0x14, ...hash, 0x88, 0xac])
  if (payload[0] === P2SH_VERSION) return Uint8Array.from([0xa9, 0x14, ...hash, 0x87])
  throw new DevnetError({
    code: 'DEVNET_BAD_OPTIONS',
    shortMessage: `address version ${payload[0]} is not regtest P2PKH/P2SH: ${address}`,
  })
}
