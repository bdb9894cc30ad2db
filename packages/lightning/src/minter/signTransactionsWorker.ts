// The worker side of createTransactionSigner: signs EIP-1559 transfers with the key it was
// started with. The key arrives in workerData (same process, never serialized to disk or logs).
import { parentPort, workerData } from 'node:worker_threads'
import type { Hex, TransactionSerializableEIP1559 } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

const account = privateKeyToAccount((workerData as { key: Hex }).key)
parentPort?.on('message', async (message: { id: number; transactions: TransactionSerializableEIP1559[] }) => {
  try {
    const raws: Hex[] = []
    for (const transaction of message.transactions) raws.push(await account.signTransaction(transaction))
    parentPort?.postMessage({ id: message.id, raws })
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error)?.name ?? 'Error' })
  }
})
