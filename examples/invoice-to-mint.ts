// The SDK behind `chainops demo`, on a stack that is already running (`bin/chainops devnet up`):
// the issuance service in embedded mode, an invoice created through its API, paid from the
// devnet's payer node, and the coins checked on the chain.
//
//   bin/chainops devnet up
//   .tools/node/bin/node examples/invoice-to-mint.ts [sats]
//
// It reads the endpoints from .chainops/devnet.json (or $CHAINOPS_DEVNET_STATE).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLogger, Rational, Secret } from '@chainops/core'
import { bakeMacaroons, type StackEndpoints, tempDir } from '@chainops/devnet'
import { openEmbeddedIssuanceResources, startIssuance } from '@chainops/lightning'
import { authenticatedLndGrpc, pay } from 'lightning'
import { createPublicClient, formatEther, type Hex, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const statePath = process.env.CHAINOPS_DEVNET_STATE ?? join(process.cwd(), '.chainops', 'devnet.json')
const state = JSON.parse(await readFile(statePath, 'utf8')) as { status: string; endpoints: StackEndpoints }
const { geth, lightning } = state.endpoints
if (state.status !== 'ready' || !geth || !lightning)
  throw new Error(`no running devnet with geth and lnd in ${statePath}`)
const sats = BigInt(process.argv[2] ?? '2500')

// lnd clients: the operator node with least-privilege macaroons, the payer with its admin one.
const read = async (path: string) => (await readFile(path)).toString('base64')
const lndOf = async (name: string, macaroon?: Secret<string>) => {
  const node = lightning.nodes[name]
  if (!node) throw new Error(`no lnd node ${name} in the devnet`)
  const admin = macaroon ?? new Secret(await read(node.macaroonPath))
  return authenticatedLndGrpc({ cert: await read(node.certPath), macaroon: admin.reveal(), socket: node.socket }).lnd
}
const operatorNode = lightning.nodes.operator
if (!operatorNode) throw new Error('no operator lnd node')
const macaroons = await bakeMacaroons({ lnd: await lndOf('operator'), name: 'operator' })

// The service: node:sqlite store and queue, the faucet as the operator key.
const dir = await tempDir('example')
const { store, queue, close } = openEmbeddedIssuanceResources({ path: join(dir, 'issuance.db') })
const issuance = await startIssuance({
  mode: 'embedded',
  store,
  queue,
  lnd: {
    invoice: await lndOf('operator', macaroons.invoice),
    readOnly: await lndOf('operator', macaroons.readOnly),
    nodeKey: operatorNode.publicKey,
  },
  chain: { rpcUrl: geth.rpcUrl, chainId: geth.chainId },
  signerKey: new Secret((await readFile(geth.faucet.keyFile, 'utf8')).trim() as Hex),
  rate: new Rational(10n ** 10n), // 1 BTC -> 1 coin
  bounds: { minSats: 1n, maxSats: 1_000_000n },
  logger: createLogger({ level: 'warn' }),
})
try {
  const address = privateKeyToAccount(generatePrivateKey()).address
  const created = await fetch(`${issuance.url}/invoices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ address, sats: sats.toString() }),
  }).then((response) => response.json() as Promise<{ paymentHash: string; request: string }>)
  console.log(`invoice ${created.paymentHash}: ${sats} sats to ${address}`)

  await pay({ lnd: await lndOf('payer'), request: created.request })
  console.log('paid from the payer node; waiting for the mint')

  let status: { state: string; mintTxHash?: string; mintBlock?: string } = { state: 'PENDING' }
  for (let tries = 0; status.state !== 'MINTED'; tries++) {
    if (tries > 600) throw new Error(`still ${status.state} after a minute`)
    await new Promise((resolve) => setTimeout(resolve, 100))
    status = await fetch(`${issuance.url}/invoices/${created.paymentHash}`).then(
      (r) => r.json() as Promise<typeof status>,
    )
  }
  const balance = await createPublicClient({ transport: http(geth.rpcUrl) }).getBalance({ address })
  console.log(
    `minted in block ${status.mintBlock} by ${status.mintTxHash}; ${address} holds ${formatEther(balance)} coins`,
  )
} finally {
  await issuance.stop()
  await close()
}
