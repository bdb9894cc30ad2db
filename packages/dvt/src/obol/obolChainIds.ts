/**
 * The chain id of each genesis fork version charon knows (eth2util/network.go at
 * e628470766427d54f100d8f4da12146e2fc33300), plus Holesky: the chain id of the EIP-712 domain.
 */
export const obolChainIds: Readonly<Record<string, { name: string; chainId: number }>> = Object.freeze({
  '0x00000000': { name: 'mainnet', chainId: 1 },
  '0x00001020': { name: 'goerli', chainId: 5 },
  '0x00000064': { name: 'gnosis', chainId: 100 },
  '0x0000006f': { name: 'chiado', chainId: 10200 },
  '0x90000069': { name: 'sepolia', chainId: 11155111 },
  '0x01017000': { name: 'holesky', chainId: 17000 },
  '0x10000910': { name: 'hoodi', chainId: 560048 },
})
