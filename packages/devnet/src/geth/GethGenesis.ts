/**
 * A geth genesis file as JSON. Loose on purpose: the devnet passes through whatever a caller's
 * builder (e.g. @chainops/clique) produced and only reads the fields it needs.
 */
export type GethGenesis = {
  config: { chainId: number; clique?: { period: number; epoch: number }; [fork: string]: unknown }
  extraData: string
  gasLimit: string
  difficulty: string
  alloc: Record<string, { balance: string; [field: string]: unknown }>
  [field: string]: unknown
}
