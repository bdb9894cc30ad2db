import type { Secret } from '@chainops/core'
import type { Address, Hex } from 'viem'

/**
 * Who submits Safe transactions and pays the gas; it needs no Safe ownership. Either an account
 * the provider signs for (Hardhat's accounts, an unlocked geth account) or a private key.
 */
export type SafeExecutor = { address: Address } | { privateKey: Secret<Hex> }
