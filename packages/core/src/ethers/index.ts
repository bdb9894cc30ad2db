// ethers v6 interop: every chainops API that takes a viem client or account also takes an ethers
// provider or signer, converted here at its boundary. Nothing here imports ethers: the ethers side
// is typed structurally, so a program without ethers neither installs nor loads it.

export {
  EthersAdapterError,
  type EthersAdapterErrorCode,
  type EthersAdapterErrorParameters,
} from './EthersAdapterError.ts'
export type { EthersProvider } from './EthersProvider.ts'
export type { EthersSigner, EthersTransactionRequest, EthersTypedDataDomain } from './EthersSigner.ts'
export type { EthersWallet } from './EthersWallet.ts'
export {
  type Eip1193RequestProvider,
  type EthersEip1193ProviderOptions,
  ethersEip1193Provider,
} from './ethersEip1193Provider.ts'
export { type FromEthersProviderOptions, fromEthersProvider } from './fromEthersProvider.ts'
export { fromEthersSigner } from './fromEthersSigner.ts'
export { fromEthersSignerToWalletClient } from './fromEthersSignerToWalletClient.ts'
export { isEthersProvider } from './isEthersProvider.ts'
export { isEthersSigner } from './isEthersSigner.ts'
export { toEip1193Provider } from './toEip1193Provider.ts'
export { toSignerKey } from './toSignerKey.ts'
export { toViemAccount } from './toViemAccount.ts'
export { toViemClient } from './toViemClient.ts'
export { toWalletClient } from './toWalletClient.ts'
