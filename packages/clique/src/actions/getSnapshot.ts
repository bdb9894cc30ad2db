import { type EthersProvider, toViemClient } from '@chainops/core/ethers'
import { type Address, type Client, getAddress, type Hash } from 'viem'
import { type BlockParameter, blockParameter } from './blockParameter.ts'
import { cliqueRequest } from './cliqueRequest.ts'

export type GetSnapshotParameters = BlockParameter

export type CliqueSnapshot = {
  number: bigint
  hash: Hash
  signers: Address[]
  /** Block number -> the signer that sealed it, for the recent blocks that bar a signer from sealing again. */
  recents: Map<bigint, Address>
  votes: { signer: Address; block: bigint; address: Address; authorize: boolean }[]
  tally: Map<Address, { authorize: boolean; votes: number }>
}

type RawSnapshot = {
  number: number
  hash: Hash
  signers: Record<string, unknown>
  recents: Record<string, string>
  votes: { signer: string; block: number; address: string; authorize: boolean }[] | null
  tally: Record<string, { authorize: boolean; votes: number }>
}

/** The Clique voting snapshot at a block (`clique_getSnapshot`), typed. `client`: a viem client or an ethers v6 provider. */
export async function getSnapshot(
  client: Client | EthersProvider,
  parameters: GetSnapshotParameters = {},
): Promise<CliqueSnapshot> {
  const raw = await cliqueRequest<RawSnapshot>(toViemClient(client), 'clique_getSnapshot', [blockParameter(parameters)])
  return {
    number: BigInt(raw.number),
    hash: raw.hash,
    signers: Object.keys(raw.signers)
      .map((s) => getAddress(s))
      .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    recents: new Map(Object.entries(raw.recents).map(([n, s]) => [BigInt(n), getAddress(s)])),
    votes: (raw.votes ?? []).map((v) => ({
      signer: getAddress(v.signer),
      block: BigInt(v.block),
      address: getAddress(v.address),
      authorize: v.authorize,
    })),
    tally: new Map(
      Object.entries(raw.tally).map(([a, t]) => [getAddress(a), { authorize: t.authorize, votes: t.votes }]),
    ),
  }
}
