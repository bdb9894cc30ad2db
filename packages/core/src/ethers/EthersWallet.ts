import type { EthersSigner } from './EthersSigner.ts'

/** An ethers v6 `Wallet` or `HDNodeWallet`: a signer that holds its private key. */
export type EthersWallet = EthersSigner & { readonly privateKey: string }
