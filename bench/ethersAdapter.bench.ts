// What the ethers v6 interop costs, against viem's own path measured in the same run:
// - signing: a viem key account's signTransaction (baseline) vs the same key as an ethers Wallet
//   behind fromEthersSigner (what every chainops API does with a Wallet) vs that Wallet directly;
// - JSON-RPC: viem's http transport (baseline) vs an ethers JsonRpcProvider behind
//   fromEthersProvider vs that provider directly, sequential eth_getBalance calls on a real geth.
// Rounds are interleaved so machine load hits all alike; figures are medians of the rounds.
// Run: node bench/ethersAdapter.bench.ts   (ROUNDS=5, N=200 by default)
import { fromEthersProvider, fromEthersSigner } from '@chainops/core/ethers'
import { startGethClique } from '@chainops/devnet'
import { JsonRpcProvider, Wallet } from 'ethers'
import { type Address, createPublicClient, type Hex, http, parseGwei, type TransactionSerializable } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const N = Number(process.env.N ?? 200)
// Hardhat's first development key: public, holds nothing.
const KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number

async function measure(contenders: Record<string, (i: number) => Promise<unknown>>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]))
  for (const run of Object.values(contenders)) await run(0) // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      const start = performance.now()
      for (let i = 0; i < N; i++) await run(i)
      times[name]?.push((performance.now() - start) / N)
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]))
}

function print(title: string, results: Record<string, number>): void {
  const [baseline] = Object.values(results) as [number]
  console.log(title)
  for (const [name, ms] of Object.entries(results))
    console.log(`  ${name.padEnd(44)} ${ms.toFixed(3).padStart(8)} ms/op  ${(ms / baseline).toFixed(2)}x`)
}

const transaction = (nonce: number): TransactionSerializable => ({
  type: 'eip1559',
  chainId: 2789,
  nonce,
  gas: 21_000n,
  maxFeePerGas: parseGwei('3'),
  maxPriorityFeePerGas: parseGwei('1'),
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: 1n,
})
const viemAccount = privateKeyToAccount(KEY)
const wallet = new Wallet(KEY)
const adapted = await fromEthersSigner(wallet)
print(
  `signTransaction (EIP-1559), ${ROUNDS} rounds of ${N}`,
  await measure({
    'viem privateKeyToAccount (baseline)': (i) => viemAccount.signTransaction(transaction(i)),
    'ethers Wallet via fromEthersSigner': (i) => adapted.signTransaction(transaction(i)),
    'ethers Wallet.signTransaction directly': (i) =>
      wallet.signTransaction({
        type: 2,
        chainId: 2789n,
        nonce: i,
        gasLimit: 21_000n,
        maxFeePerGas: parseGwei('3'),
        maxPriorityFeePerGas: parseGwei('1'),
        to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
        value: 1n,
      }),
  }),
)

const net = await startGethClique({ sealers: 1, period: 1, rpcNode: false, label: 'bench-ethers' })
try {
  const url = net.sealers[0]?.rpcUrl as string
  const viemClient = createPublicClient({ transport: http(url, { retryCount: 0 }) })
  const provider = new JsonRpcProvider(url, net.chainId, { staticNetwork: true, batchMaxCount: 1 })
  const overEthers = fromEthersProvider(provider)
  // A different address each call: ethers caches a repeated getBalance for a while, viem does not.
  const address = (i: number): Address => `0x${(i + 1).toString(16).padStart(40, '0')}`
  print(
    `eth_getBalance on geth, sequential, ${ROUNDS} rounds of ${N}`,
    await measure({
      'viem http transport (baseline)': (i) => viemClient.getBalance({ address: address(i) }),
      'ethers JsonRpcProvider via fromEthersProvider': (i) => overEthers.getBalance({ address: address(i) }),
      'ethers JsonRpcProvider.getBalance directly': (i) => provider.getBalance(address(i)),
    }),
  )
  provider.destroy()
} finally {
  await net.stop()
}
