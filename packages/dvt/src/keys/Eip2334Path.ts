/** A parsed EIP-2334 validator path: `m/12381/3600/<index>/0/0` (signing) or `m/12381/3600/<index>/0` (withdrawal). */
export type Eip2334Path = {
  /** The validator index (the account level). */
  index: number
  /** Which key of the validator the path names. */
  use: 'signing' | 'withdrawal'
  /** Every level after `m`, the child indices EIP-2333 derives in turn. */
  nodes: readonly number[]
  /** The path as written, canonical form. */
  path: string
}
