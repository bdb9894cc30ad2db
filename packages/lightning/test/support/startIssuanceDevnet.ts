import { rm } from 'node:fs/promises'
import {
  type GethCliqueNetwork,
  type LightningRegtest,
  type LndNode,
  type MotoServer,
  startGethClique,
  startLightningRegtest,
  startMoto,
  tempDir,
} from '@chainops/devnet'
import type { AuthenticatedLnd } from 'lightning'
import { createPublicClient, type Hex, http, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { type BakeIssuanceMacaroonsReturnType, bakeIssuanceMacaroons } from '../../src/lnd/bakeIssuanceMacaroons.ts'
import { connectIssuanceLnd } from '../../src/lnd/connectIssuanceLnd.ts'
import { minterTxPoolArgs } from '../../src/pipeline/minterTxPoolArgs.ts'

export type IssuanceDevnet = {
  geth: GethCliqueNetwork
  ln: LightningRegtest
  moto: MotoServer
  /** bob: the operator's lnd (alice pays him). */
  bob: LndNode
  /** A client of the geth RPC node. */
  client: PublicClient
  macaroons: BakeIssuanceMacaroonsReturnType
  /** bob with the invoice macaroon and with the read-only one (`connectIssuanceLnd`). */
  invoiceLnd: AuthenticatedLnd
  readOnlyLnd: AuthenticatedLnd
  /** bob's identity key as lnd gave it to the read-only client. */
  nodeKey: string
  /** A temp dir removed by `stop`. */
  dir: string
  stop(): Promise<void>
}

/**
 * What the issuance integration tests run on: a 1-sealer geth Clique chain with the minter's
 * txpool limits and each operator key prefunded, btcd + alice and bob on one channel alice -> bob,
 * moto, and bob's two least-privilege macaroons.
 */
export async function startIssuanceDevnet(parameters: {
  label: string
  operatorKeys: readonly Hex[]
  channelCapacitySats: bigint
}): Promise<IssuanceDevnet> {
  const { label } = parameters
  const parts = await Promise.allSettled([
    startGethClique({
      sealers: 1,
      period: 1,
      label,
      prefund: parameters.operatorKeys.map((key) => ({
        address: privateKeyToAccount(key).address,
        balanceWei: 10n ** 24n,
      })),
      extraArgs: minterTxPoolArgs(),
    }),
    startLightningRegtest({
      label,
      nodes: [{ name: 'alice' }, { name: 'bob' }],
      channels: [{ from: 'alice', to: 'bob', capacitySats: parameters.channelCapacitySats }],
    }),
    startMoto(),
  ] as const)
  const [gethPart, lnPart, motoPart] = parts
  if (gethPart.status === 'rejected' || lnPart.status === 'rejected' || motoPart.status === 'rejected') {
    await Promise.allSettled(parts.map((part) => (part.status === 'fulfilled' ? part.value.stop() : undefined)))
    throw parts.find((part) => part.status === 'rejected')?.reason
  }
  const [geth, ln, moto] = [gethPart.value, lnPart.value, motoPart.value]
  const bob = ln.nodes.bob as LndNode
  // The SDK's own least-privilege path: macaroons baked with bob's admin macaroon, two clients.
  const macaroons = await bakeIssuanceMacaroons({ lnd: bob.lnd })
  const lnd = await connectIssuanceLnd({
    socket: bob.socket,
    cert: bob.cert,
    invoiceMacaroon: macaroons.invoice,
    readOnlyMacaroon: macaroons.readOnly,
  })
  const dir = await tempDir(label)
  return {
    geth,
    ln,
    moto,
    bob,
    client: createPublicClient({ transport: http(geth.rpc?.rpcUrl as string, { retryCount: 5, retryDelay: 300 }) }),
    macaroons,
    invoiceLnd: lnd.invoice,
    readOnlyLnd: lnd.readOnly,
    nodeKey: lnd.nodeKey,
    dir,
    async stop() {
      await Promise.allSettled([geth.stop(), ln.stop(), moto.stop()])
      await rm(dir, { recursive: true, force: true })
    },
  }
}
