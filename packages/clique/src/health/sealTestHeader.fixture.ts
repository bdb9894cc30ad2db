import { type Hex, keccak256, numberToHex, toRlp } from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import { type CliqueHeader, cliqueSealHash } from '../actions/cliqueSealHash.ts'
import type { SealerHead } from './detectForkStall.ts'

// Test fixture (not published): Clique headers with real seals, for the health tests.

const zero32: Hex = `0x${'00'.repeat(32)}`
const emptyRoot: Hex = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421'
const quantity = (value: bigint): Hex => (value === 0n ? '0x' : numberToHex(value))

/** The block hash geth reports: keccak256 of the whole RLP header, seal included (London). */
function blockHash(header: CliqueHeader): Hex {
  return keccak256(
    toRlp([
      header.parentHash,
      header.sha3Uncles,
      header.miner,
      header.stateRoot,
      header.transactionsRoot,
      header.receiptsRoot,
      header.logsBloom as Hex,
      quantity(header.difficulty),
      quantity(header.number as bigint),
      quantity(header.gasLimit),
      quantity(header.gasUsed),
      quantity(header.timestamp),
      header.extraData,
      header.mixHash,
      header.nonce as Hex,
      quantity(header.baseFeePerGas as bigint),
    ]),
  )
}

export type SealTestHeaderParameters = {
  number: bigint
  /** 2 in turn, 1 out of turn. */
  difficulty: bigint
  timestamp: bigint
  parentHash?: Hex
}

/** An empty London Clique block sealed by `signer` as geth seals it: r || s || v, v in {0, 1}. */
export async function sealTestHeader(signer: PrivateKeyAccount, fields: SealTestHeaderParameters): Promise<SealerHead> {
  const header: CliqueHeader = {
    parentHash: fields.parentHash ?? zero32,
    sha3Uncles: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
    miner: '0x0000000000000000000000000000000000000000',
    stateRoot: zero32,
    transactionsRoot: emptyRoot,
    receiptsRoot: emptyRoot,
    logsBloom: `0x${'00'.repeat(256)}`,
    difficulty: fields.difficulty,
    number: fields.number,
    gasLimit: 30_000_000n,
    gasUsed: 0n,
    timestamp: fields.timestamp,
    extraData: `0x${'00'.repeat(32)}${'00'.repeat(65)}`,
    mixHash: zero32,
    nonce: '0x0000000000000000',
    baseFeePerGas: 875_000_000n,
  }
  const signature = await signer.sign({ hash: cliqueSealHash(header) })
  const v = Number.parseInt(signature.slice(130), 16) - 27
  const sealed = { ...header, extraData: `0x${'00'.repeat(32)}${signature.slice(2, 130)}0${v}` as Hex }
  return { ...sealed, hash: blockHash(sealed) }
}
