import { createHash } from 'node:crypto'
import { encodeBase58Check } from './encodeBase58Check.ts'

/**
 * Where btcd's coinbase goes: P2SH of the one-byte redeem script `OP_TRUE`. Anyone can spend it
 * with the scriptSig `<OP_TRUE>` and no signature, which is exactly what a local regtest faucet
 * wants: btcd has no wallet, and this way no key has to be generated, stored or signed with.
 * btcd accepts such spends into its mempool (P2SH inputs are standard; regtest relays
 * non-standard transactions anyway).
 */
export type RegtestFaucet = {
  /** The regtest P2SH address, for btcd's `--miningaddr`. */
  address: string
  /** Its output script, to recognise faucet outputs. */
  outputScript: Uint8Array
  /** The scriptSig that spends any faucet output: a push of the redeem script `OP_TRUE`. */
  spendScript: Uint8Array
}

const REDEEM_SCRIPT = Uint8Array.from([0x51]) // OP_TRUE

export function regtestFaucet(): RegtestFaucet {
  const sha = createHash('sha256').update(REDEEM_SCRIPT).digest()
  const hash160 = createHash('ripemd160').update(sha).digest()
  return {
    address: encodeBase58Check(Uint8Array.from([0xc4, ...hash160])),
    outputScript: Uint8Array.from([0xa9, 0x14, ...hash160, 0x87]),
    spendScript: Uint8Array.from([0x01, ...REDEEM_SCRIPT]),
  }
}
