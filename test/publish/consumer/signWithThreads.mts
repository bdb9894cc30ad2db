// Run in the consumer project: signs with the installed lightning package's transaction signer on
// two worker threads (the minter's `signerThreads` path; the module is internal, so it is imported
// by its file beside the package's main entry) and prints the raw transactions and their senders.
import { Secret } from '@chainops/core'
import { type Hex, recoverTransactionAddress, type TransactionSerializedEIP1559 } from 'viem'

type TransactionSigner = { address: string; sign(transactions: unknown[]): Promise<Hex[]>; close(): Promise<void> }
const signerModule = new URL('./minter/createTransactionSigner.js', import.meta.resolve('@chainops/lightning'))
const { createTransactionSigner } = (await import(signerModule.href)) as {
  createTransactionSigner(parameters: { key: Secret<Hex>; threads: number }): TransactionSigner
}

// Hardhat's first default account: a public test key.
const key = new Secret<Hex>('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80')
const transactions = Array.from({ length: 4 }, (_, nonce) => ({
  type: 'eip1559',
  chainId: 2789,
  nonce,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: 10n ** 15n * BigInt(nonce + 1),
  gas: 21_000n,
  maxFeePerGas: 3_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
}))
const signer = createTransactionSigner({ key, threads: 2 })
try {
  const raws = await signer.sign(transactions)
  const senders = await Promise.all(
    raws.map((raw) => recoverTransactionAddress({ serializedTransaction: raw as TransactionSerializedEIP1559 })),
  )
  process.stdout.write(JSON.stringify({ signerModule: signerModule.pathname, address: signer.address, raws, senders }))
} finally {
  await signer.close()
}
