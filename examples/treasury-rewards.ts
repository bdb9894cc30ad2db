// Staking rewards from a 2-of-3 Safe to the team pool and two personal payouts through a 0xSplits
// push split, on a running devnet: the treasury layout derived from one seed, the Safe v1.4.1
// contracts and the reward Safe deployed, the split created with the Safe as its controller, the
// rewards routed in one Safe transaction signed by two owners, and who got what read from the chain.
//
//   bin/chainops devnet up
//   .tools/node/bin/node examples/treasury-rewards.ts [coins]
//
// It reads the chain from .chainops/devnet.json (or $CHAINOPS_DEVNET_STATE); the chain needs the
// Safe singleton factory in its genesis (`safeSingletonFactoryPredeploy`). Locally the split factory
// is the project's PushSplitFactoryDouble (compiled by `bash scripts/setup.sh`); on a real chain pass
// 0xSplits' PushSplitFactory as $CHAINOPS_SPLIT_FACTORY. Exits 1 if a recipient did not get its share.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Secret } from '@chainops/core'
import type { StackEndpoints } from '@chainops/devnet'
import {
  bip39SeedSource,
  buildSplitV2Params,
  createRewardSafe,
  createSplit,
  defaultLayout,
  deploySafeContracts,
  deriveLayout,
  routeRewards,
} from '@chainops/treasury'
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  formatEther,
  getAddress,
  type Hex,
  http,
  parseEther,
} from 'viem'
import { mnemonicToAccount, privateKeyToAccount } from 'viem/accounts'

const statePath = process.env.CHAINOPS_DEVNET_STATE ?? join(process.cwd(), '.chainops', 'devnet.json')
const state = JSON.parse(await readFile(statePath, 'utf8')) as { status: string; endpoints: StackEndpoints }
const geth = state.endpoints.geth
if (state.status !== 'ready' || !geth) throw new Error(`no running devnet with geth in ${statePath}`)
const rewards = parseEther(process.argv[2] ?? '7.000000000000000006')

const chain = defineChain({
  id: geth.chainId,
  name: 'devnet',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: [geth.rpcUrl] } },
})
// Poll for receipts every 250 ms (viem's default is 4 s), the devnet seals a block a second.
const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 250 })
const faucetKey = new Secret((await readFile(geth.faucet.keyFile, 'utf8')).trim() as Hex)
const faucet = createWalletClient({ chain, transport: http(), account: privateKeyToAccount(faucetKey.reveal()) })

// The layout from one seed. A public test mnemonic and test passphrases (one per tier, so the team
// pool and the payouts get distinct addresses): in production they come from a secret source and
// the Safe owners sign on Trezors (trezorSafeOwnerSigner). None of them is ever printed.
const mnemonic = new Secret(
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
)
const passphrases = {
  MasterAdminVault: 'example-owners',
  TeamFunds: 'example-team',
  PersonalPayout1: 'example-payout-1',
  PersonalPayout2: 'example-payout-2',
}
const roles = deriveLayout(bip39SeedSource(mnemonic.reveal()), defaultLayout(), passphrases)
const roleOf = (tier: keyof typeof passphrases, role: string) => {
  const found = roles.find((candidate) => candidate.tier === tier && candidate.role === role)
  if (!found) throw new Error(`no ${tier}/${role} in the layout`)
  return found
}
const owners = ['SafeOwner1', 'SafeOwner2', 'SafeOwner3'].map((role) => roleOf('MasterAdminVault', role))
const recipients = [
  { name: 'team pool', address: roleOf('TeamFunds', 'TeamPool').address, allocation: 2n },
  { name: 'payout 1', address: roleOf('PersonalPayout1', 'Payout').address, allocation: 1n },
  { name: 'payout 2', address: roleOf('PersonalPayout2', 'Payout').address, allocation: 1n },
]

// The Safe contracts at their canonical addresses (idempotent), then the 2-of-3 reward Safe.
const { contracts } = await deploySafeContracts({ publicClient, walletClient: faucet })
const { address: safeAddress, safe } = await createRewardSafe({
  provider: geth.rpcUrl,
  publicClient,
  walletClient: faucet,
  contracts,
  executor: { privateKey: faucetKey },
  owners: owners.map((owner) => owner.address),
  threshold: 2,
})
console.log(`reward Safe ${safeAddress}: 2 of ${owners.map((owner) => owner.address).join(', ')}`)

// The split: team pool 2 parts, each payout 1, controlled by the Safe.
let splitFactory = process.env.CHAINOPS_SPLIT_FACTORY as Address | undefined
if (!splitFactory) {
  const artifactUrl = new URL(
    '../artifacts/contracts/test-doubles/SplitsV2Double.sol/PushSplitFactoryDouble.json',
    import.meta.url,
  )
  const artifact = JSON.parse(await readFile(artifactUrl, 'utf8')) as { abi: Abi; bytecode: Hex }
  const hash = await faucet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode })
  const deployed = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress
  if (!deployed) throw new Error('the split factory double was not deployed')
  splitFactory = deployed
}
const params = buildSplitV2Params({ recipients })
const { address: split } = await createSplit({
  publicClient,
  walletClient: faucet,
  factory: getAddress(splitFactory),
  split: params,
  owner: safeAddress,
})
console.log(`split ${split}: ${recipients.map((r) => `${r.name} ${r.allocation}`).join(', ')} parts`)

// Rewards arrive at the Safe (here from the faucet; on mainnet from the staking protocols).
await publicClient.waitForTransactionReceipt({
  hash: await faucet.sendTransaction({ to: safeAddress, value: rewards }),
})
const before = await Promise.all(recipients.map((r) => publicClient.getBalance({ address: r.address })))

// Two owners sign one Safe transaction that funds the split and distributes it.
const signers = owners.slice(0, 2).map((owner) =>
  mnemonicToAccount(mnemonic.reveal(), {
    path: owner.path as `m/44'/60'/${string}`,
    passphrase: passphrases.MasterAdminVault,
  }),
)
const routed = await routeRewards({ safe, publicClient, split: { address: split, params }, signers })
console.log(`routed ${formatEther(routed.amount)} coins (${routed.amount} wei) in ${routed.hash}`)

// Who got what: each share is floor(amount x parts / total parts), no distribution incentive.
const total = recipients.reduce((sum, r) => sum + r.allocation, 0n)
for (const [index, recipient] of recipients.entries()) {
  const received = (await publicClient.getBalance({ address: recipient.address })) - (before[index] as bigint)
  console.log(`${recipient.name} ${recipient.address} received ${formatEther(received)} coins (${received} wei)`)
  const share = (routed.amount * recipient.allocation) / total
  if (received !== share) throw new Error(`${recipient.name} received ${received} wei, its share is ${share}`)
}
const left = await publicClient.getBalance({ address: safeAddress })
if (left !== 0n) throw new Error(`the Safe still holds ${left} wei`)
