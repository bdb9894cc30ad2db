import type { TransactionReceipt } from 'viem'

/** The fields of a viem-formatted receipt that decide a mint's outcome. */
export type MintReceipt = Pick<
  TransactionReceipt,
  'transactionHash' | 'blockNumber' | 'status' | 'gasUsed' | 'effectiveGasPrice'
>
