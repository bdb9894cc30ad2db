import type { Abi, Address } from 'viem'

/** The networks whose SSVNetwork deployment ssv-scanner ships (`prod.v4.<network>.abi.json`). */
export type SsvNetworkName = 'mainnet' | 'hoodi'

/** SSVNetwork as deployed on a network: its proxy, the SSV token, the block it was created at, its ABI. */
export type SsvNetworkDeployment = {
  readonly network: SsvNetworkName
  /** The SSVNetwork proxy (EIP-55). */
  readonly contractAddress: Address
  /** The SSV ERC-20 the cluster balances are paid in (EIP-55). */
  readonly tokenAddress: Address
  /** The block SSVNetwork was deployed at: where log scans of its events start. */
  readonly genesisBlock: bigint
  /** The ABI as ssv-scanner ships it, checked at load for every function and event chainops uses. */
  readonly abi: Abi
}
