import type { Secret } from '@chainops/core'
import type { EthersWallet } from '@chainops/core/ethers'
import type { Address, Hex } from 'viem'

/**
 * Who submits Safe transactions and pays the gas; it needs no Safe ownership. Either an account
 * the provider signs for (Hardhat's accounts, an unlocked geth account), a private key, or an
 * ethers v6 `Wallet` (its key is what protocol-kit signs with).
 */
export type SafeExecutor = { address: Address } | { privateKey: Secret<Hex> } | EthersWallet
