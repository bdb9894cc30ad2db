import type { BTC_NETWORK } from '@scure/btc-signer/utils.js'

/** Bitcoin regtest address parameters for @scure/btc-signer (testnet's version bytes, bech32 `bcrt`). */
export const REGTEST_NETWORK: BTC_NETWORK = { bech32: 'bcrt', pubKeyHash: 0x6f, scriptHash: 0xc4, wif: 0xef }
