// chainops from a program that already holds ethers v6 objects: an ethers JsonRpcProvider and
// Wallets go where the SDK takes viem clients and accounts, converted at each function's boundary
// (no ethers code of our own, no second implementation). On a running devnet: the sealers' health
// read through ethers providers, a 2-of-3 Safe deployed and paid for by an ethers Wallet, a payment
// proposed, signed by two ethers HD wallets and executed, and the recipient's balance checked.
//
//   bin/chainops devnet up
//   .tools/node/bin/node examples/ethers.ts [coins]
//
// It reads the chain from .chainops/devnet.json (or $CHAINOPS_DEVNET_STATE); the chain needs the
// Safe singleton factory in its genesis (`safeSingletonFactoryPredeploy`). Exits 1 if the recipient
// did not get exactly what the Safe sent.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sealerHealth } from '@chainops/clique'
import type { StackEndpoints } from '@chainops/devnet'
import {
  collectSafeSignatures,
  createRewardSafe,
  deploySafeContracts,
  executeSafeTransaction,
  proposeSafeTransaction,
  signSafeTransaction,
} from '@chainops/treasury'
import { formatEther, HDNodeWallet, JsonRpcProvider, Mnemonic, parseEther, Wallet } from 'ethers'

const statePath = process.env.CHAINOPS_DEVNET_STATE ?? join(process.cwd(), '.chainops', 'devnet.json')
const state = JSON.parse(await readFile(statePath, 'utf8')) as { status: string; endpoints: StackEndpoints }
const geth = state.endpoints.geth
if (state.status !== 'ready' || !geth) throw new Error(`no running devnet with geth in ${statePath}`)
const amount = parseEther(process.argv[2] ?? '0.25') + 1n

// What an ethers program already has: a provider (polling each 250 ms: the devnet seals a block a
// second) and a funded Wallet, here the devnet faucet.
const provider = new JsonRpcProvider(geth.rpcUrl, geth.chainId, { staticNetwork: true, pollingInterval: 250 })
const faucet = new Wallet((await readFile(geth.faucet.keyFile, 'utf8')).trim(), provider)

try {
  // Clique health from each sealer's own node (the public RPC node refuses clique_*).
  const sealers = geth.sealers.map(
    (sealer) => new JsonRpcProvider(sealer.rpcUrl, geth.chainId, { staticNetwork: true }),
  )
  const health = await sealerHealth(sealers[0] as JsonRpcProvider, {
    blocks: 10,
    period: geth.period,
    sealerClients: sealers,
  })
  for (const signer of health.signers)
    console.log(
      `sealer ${signer.address}: last sealed block ${signer.lastSealed ?? 'none'} of ${health.from}-${health.head}`,
    )
  const expected = geth.sealers.map((sealer) => sealer.address.toLowerCase()).sort()
  const found = health.signers.map((signer) => signer.address.toLowerCase()).sort()
  if (found.join() !== expected.join()) throw new Error(`the signers are ${found}, the devnet's sealers ${expected}`)
  for (const sealer of sealers) sealer.destroy()

  // Three Safe owners as ethers derives them (a public test mnemonic: on a real chain, hardware or
  // KMS signers built on ethers' AbstractSigner fit the same way).
  const mnemonic = Mnemonic.fromPhrase('test test test test test test test test test test test junk')
  const owners = [0, 1, 2].map((i) => HDNodeWallet.fromMnemonic(mnemonic, `m/44'/60'/0'/0/${i}`).connect(provider))

  // The Safe v1.4.1 contracts (idempotent) and a 2-of-3 Safe, paid for by the ethers faucet Wallet,
  // which also executes the Safe's transactions.
  const { contracts } = await deploySafeContracts({ publicClient: provider, walletClient: faucet })
  const { address: safeAddress, safe } = await createRewardSafe({
    provider,
    publicClient: provider,
    walletClient: faucet,
    contracts,
    executor: faucet,
    owners: owners.map((owner) => owner.address as `0x${string}`),
    threshold: 2,
  })
  console.log(`Safe ${safeAddress}: 2 of ${owners.map((owner) => owner.address).join(', ')}`)

  // Funded the ethers way.
  await (await faucet.sendTransaction({ to: safeAddress, value: amount })).wait()

  // A payment out of the Safe: proposed, signed by two owners on their own copies, collected, executed.
  const recipient = Wallet.createRandom().address as `0x${string}`
  const { transaction, safeTxHash } = await proposeSafeTransaction({
    safe,
    calls: [{ to: recipient, value: amount, data: '0x' }],
  })
  const signed = []
  for (const owner of owners.slice(0, 2))
    signed.push((await signSafeTransaction({ safe, transaction, signer: owner })).transaction)
  const collected = await collectSafeSignatures({ safe, transactions: signed })
  const executed = await executeSafeTransaction({ safe, publicClient: provider, transaction: collected })
  console.log(`Safe transaction ${safeTxHash} executed in ${executed.hash} (block ${executed.receipt.blockNumber})`)

  const received = await provider.getBalance(recipient)
  console.log(`recipient ${recipient} received ${formatEther(received)} coins (${received} wei)`)
  if (received !== amount) throw new Error(`the recipient received ${received} wei, the Safe sent ${amount}`)
} finally {
  provider.destroy()
}
