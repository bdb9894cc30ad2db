/** A network the deposit code knows by name (its genesis fork version is in {@link depositNetworks}). */
export type DepositNetwork = 'mainnet' | 'holesky' | 'hoodi'
