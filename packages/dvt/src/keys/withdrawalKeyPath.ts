/** The EIP-2334 withdrawal key path of validator `index`: `m/12381/3600/<index>/0`. */
export function withdrawalKeyPath(index: number): string {
  return `m/12381/3600/${index}/0`
}
