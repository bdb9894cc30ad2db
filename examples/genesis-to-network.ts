// From a plan to a running Clique network: size the signer set and the gas limit, build and lint
// the genesis, start 3 sealers and a public RPC node on it (real geth, on 127.0.0.1), and read
// each sealer's health. Needs the daemons of `bash scripts/setup.sh`; it starts and stops its own
// nodes, so no devnet has to be running.
//
//   .tools/node/bin/node examples/genesis-to-network.ts [genesis.json]
//
// With a path, the genesis file (what every node is initialised with) is written there.
// Exits 1 if the lint finds an error, if the chain's block 0 is not the genesis hash computed here,
// or if a sealer did not seal.
import { writeFile } from 'node:fs/promises'
import {
  buildGenesis,
  genesisHash,
  lintGenesis,
  planCapacity,
  planSealers,
  sealerHealth,
  toGenesisJson,
} from '@chainops/clique'
import { startGethClique } from '@chainops/devnet'
import { createPublicClient, http } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const genesisPath = process.argv[2]
const chainId = 2789
const period = 1

// Plan: survive one sealer down (2f+1 = 3 signers), carry 100 transfers a second.
const sealerPlan = planSealers({ tolerateFailures: 1 })
const capacity = planCapacity({ tps: 100, period })
console.log(`plan: ${sealerPlan.summary}`)
console.log(`plan: gas limit ${capacity.gasLimit} (${capacity.summary})`)

// The keys stay in this process: the sealers' addresses go into extraData, the faucet into alloc.
const sealerKeys = Array.from({ length: sealerPlan.sealers }, () => generatePrivateKey())
const sealers = sealerKeys.map((key) => privateKeyToAccount(key).address)
const faucetKey = generatePrivateKey()
const faucetBalanceWei = 10n ** 24n
const genesis = buildGenesis({
  chainId,
  sealers,
  period,
  gasLimit: capacity.gasLimit,
  alloc: { [privateKeyToAccount(faucetKey).address]: { balance: faucetBalanceWei } },
})
const findings = lintGenesis(genesis, { targetTps: 100, tolerateFailures: 1 })
for (const finding of findings)
  console.log(`lint: ${finding.severity} ${finding.code} at ${finding.path}: ${finding.message}`)
const errors = findings.filter((finding) => finding.severity === 'error')
if (errors.length > 0) throw new Error(`the genesis has ${errors.length} lint error(s)`)
const { hash } = genesisHash(genesis)
console.log(`genesis: ${sealers.length} sealers, gas limit ${genesis.gasLimit}, hash ${hash}`)
if (genesisPath) await writeFile(genesisPath, `${JSON.stringify(toGenesisJson(genesis), null, 2)}\n`)

// Run it: the faucet's balance is the one already in the alloc, so geth starts from this exact genesis.
const network = await startGethClique({
  sealers: sealers.length,
  period,
  genesis,
  sealerKeys,
  faucetKey,
  faucetBalanceWei,
})
try {
  const rpcUrl = network.rpc?.rpcUrl
  if (!rpcUrl) throw new Error('the network started without its RPC node')
  const rpc = createPublicClient({ transport: http(rpcUrl) })
  const block0 = await rpc.getBlock({ blockNumber: 0n })
  if (block0.hash !== hash) throw new Error(`block 0 is ${block0.hash}, the genesis hash is ${hash}`)
  console.log(`network: 3 sealers + RPC node ${rpcUrl}; block 0 is the genesis hash`)

  // Wait for each sealer to have had two turns, then judge them over those blocks. A public RPC
  // node has no clique_* API: the signer set comes from the genesis, the sealers' own nodes are
  // asked for their heads (an equal-difficulty fork stall shows only there).
  const blocks = 3 * sealers.length
  while ((await rpc.getBlockNumber()) < BigInt(blocks)) await new Promise((resolve) => setTimeout(resolve, 500))
  const health = await sealerHealth(rpc, {
    blocks,
    signers: sealers,
    period,
    sealerClients: network.sealers.map((node) => createPublicClient({ transport: http(node.rpcUrl) })),
  })
  console.log(
    `health: head ${health.head}, ${health.live} of ${health.signers.length} signers live, quorum ${health.quorum}`,
  )
  for (const signer of health.signers)
    console.log(
      `health: ${signer.address} last sealed ${signer.lastSealed} (${signer.inTurn} in turn, ${signer.outOfTurn} out of turn, ${signer.missedTurns} missed)`,
    )
  for (const warning of health.warnings) console.log(`health: warning: ${warning}`)
  if (health.live !== sealers.length || health.forkStall !== null)
    throw new Error(`${health.live} of ${sealers.length} sealers live, fork stall ${health.forkStall !== null}`)
} finally {
  await network.stop()
}
