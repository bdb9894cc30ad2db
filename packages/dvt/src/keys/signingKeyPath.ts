/** The EIP-2334 signing key path of validator `index`: `m/12381/3600/<index>/0/0`. */
export function signingKeyPath(index: number): string {
  return `m/12381/3600/${index}/0/0`
}
