/**
 * Live signers a Clique chain needs to keep sealing: floor(N/2)+1. A signer may seal only one of
 * any floor(N/2)+1 consecutive blocks, so with fewer live signers no one is allowed to seal next.
 */
export function cliqueQuorum(signers: number): number {
  return Math.floor(signers / 2) + 1
}
