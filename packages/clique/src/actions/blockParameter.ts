import { type BlockTag, numberToHex } from 'viem'

/** Which block a clique_* call reads: a number or a tag; `latest` by default. */
export type BlockParameter = { blockNumber?: bigint; blockTag?: BlockTag }

/** The JSON-RPC form of a block parameter. */
export function blockParameter(parameters: BlockParameter): string {
  if (parameters.blockNumber !== undefined) return numberToHex(parameters.blockNumber)
  return parameters.blockTag ?? 'latest'
}
