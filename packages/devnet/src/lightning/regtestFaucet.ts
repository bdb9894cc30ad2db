import { p2sh, Script } from '@scure/btc-signer'
import { REGTEST_NETWORK } from './regtestNetwork.ts'

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

export function regtestFaucet(): RegtestFaucet {
  const redeemScript = Script.encode(['OP_1'])
  const payment = p2sh({ type: 'unknown', script: redeemScript }, REGTEST_NETWORK)
  return {
    address: payment.address as string,
    outputScript: payment.script,
    spendScript: Script.encode([redeemScript]),
  }
}
