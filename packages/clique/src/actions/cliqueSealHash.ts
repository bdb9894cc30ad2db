import { type Hex, keccak256, numberToHex, toRlp } from 'viem'
import { CliqueError } from '../errors/CliqueError.ts'
import { EXTRA_SEAL_BYTES } from '../extraData/constants.ts'

/** The header fields the Clique seal covers, as viem's `Block` names them. */
export type CliqueHeader = {
  parentHash: Hex
  sha3Uncles: Hex
  miner: Hex
  stateRoot: Hex
  transactionsRoot: Hex
  receiptsRoot: Hex
  logsBloom: Hex | null
  difficulty: bigint
  number: bigint | null
  gasLimit: bigint
  gasUsed: bigint
  timestamp: bigint
  extraData: Hex
  mixHash: Hex
  nonce: Hex | null
  baseFeePerGas?: bigint | null | undefined
}

const quantity = (value: bigint): Hex => (value === 0n ? '0x' : numberToHex(value))

/**
 * The hash a Clique sealer signs: keccak256 of the RLP header with the 65-byte seal cut off
 * extraData (geth's clique.SealHash; London adds the base fee; Clique never has later fields).
 */
export function cliqueSealHash(header: CliqueHeader): Hex {
  const extraBytes = (header.extraData.length - 2) / 2
  if (extraBytes < EXTRA_SEAL_BYTES || header.number === null || header.nonce === null || header.logsBloom === null) {
    throw new CliqueError({
      code: 'CLIQUE_SEAL_INVALID',
      shortMessage: 'the header has no Clique seal (pending block, or extraData under 65 bytes)',
      path: 'extraData',
    })
  }
  const fields: Hex[] = [
    header.parentHash,
    header.sha3Uncles,
    header.miner,
    header.stateRoot,
    header.transactionsRoot,
    header.receiptsRoot,
    header.logsBloom,
    quantity(header.difficulty),
    quantity(header.number),
    quantity(header.gasLimit),
    quantity(header.gasUsed),
    quantity(header.timestamp),
    header.extraData.slice(0, header.extraData.length - EXTRA_SEAL_BYTES * 2) as Hex,
    header.mixHash,
    header.nonce,
  ]
  if (header.baseFeePerGas !== undefined && header.baseFeePerGas !== null) fields.push(quantity(header.baseFeePerGas))
  return keccak256(toRlp(fields))
}
