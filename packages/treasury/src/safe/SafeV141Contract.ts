import type { Address, Hex } from 'viem'

/** One contract of the Safe v1.4.1 release, where its canonical deployment lives. */
export type SafeV141Contract = {
  /** The contract name in `@safe-global/safe-contracts` (and its artifact file). */
  name:
    | 'Safe'
    | 'SafeL2'
    | 'SafeProxyFactory'
    | 'MultiSend'
    | 'MultiSendCallOnly'
    | 'CompatibilityFallbackHandler'
    | 'SignMessageLib'
    | 'CreateCall'
    | 'SimulateTxAccessor'
  /** The artifact inside `@safe-global/safe-contracts/build/artifacts/contracts/`. */
  artifact: string
  /** The canonical address: CREATE2 through the singleton factory with salt 0. */
  address: Address
  /** keccak256 of the deployed code at that address. */
  codeHash: Hex
}
