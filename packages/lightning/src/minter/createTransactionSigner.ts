import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Secret } from '@chainops/core'
import type { Address, Hex, TransactionSerializableEIP1559 } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { LightningError } from '../errors/LightningError.ts'

export type CreateTransactionSignerParameters = {
  key: Secret<Hex>
  /**
   * Worker threads that sign in parallel (default 0: sign on the calling thread). A secp256k1
   * signature costs about 0.7 ms of CPU in JavaScript; at 500 mints a second that is a third of
   * the event loop, which the pipelined minter needs for its queue and store.
   */
  threads?: number | undefined
}

export type TransactionSigner = {
  readonly address: Address
  /** Signs each transaction; the raw transactions come back in the same order. */
  sign(transactions: readonly TransactionSerializableEIP1559[]): Promise<Hex[]>
  close(): Promise<void>
}

type Pending = { resolve: (raws: Hex[]) => void; reject: (error: unknown) => void }

// The worker module beside this one has this module's extension: .ts in the workspace, .js once
// built into dist (an installed package runs dist, where no .ts file exists).
const workerScript = new URL(`./signTransactionsWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

function refused(details: string): LightningError {
  return new LightningError({ code: 'MINT_INVALID_PARAMETERS', shortMessage: 'Invalid minter parameters', details })
}

/** Signs the minter's transactions, on this thread or spread over worker threads. The key never leaves the process. */
export function createTransactionSigner(parameters: CreateTransactionSignerParameters): TransactionSigner {
  const threads = parameters.threads ?? 0
  if (!Number.isSafeInteger(threads) || threads < 0 || threads > 16)
    throw refused('threads is a whole number from 0 to 16')
  let account: ReturnType<typeof privateKeyToAccount>
  let key: Hex
  try {
    key = parameters.key.reveal()
    account = privateKeyToAccount(key)
  } catch (cause) {
    // The cause would carry the key's text: keep only that it was refused.
    throw refused(`the signer key is not a 32-byte hex private key (${(cause as Error)?.name ?? 'error'})`)
  }
  if (threads === 0)
    return {
      address: account.address,
      async sign(transactions) {
        const raws: Hex[] = []
        for (const transaction of transactions) raws.push(await account.signTransaction(transaction))
        return raws
      },
      async close() {},
    }

  const pending = new Map<number, Pending>()
  let nextId = 1
  let closed = false
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(workerScript, { workerData: { key } })
    worker.unref()
    worker.on('message', (message: { id: number; raws?: Hex[]; error?: string }) => {
      const waiting = pending.get(message.id)
      if (!waiting) return
      pending.delete(message.id)
      if (message.raws) waiting.resolve(message.raws)
      else waiting.reject(refused(`a signer thread failed (${message.error})`))
    })
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error)
      pending.clear()
    })
    return worker
  })
  let turn = 0
  const post = (transactions: TransactionSerializableEIP1559[]): Promise<Hex[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve, reject })
      const worker = workers[turn++ % workers.length] as Worker
      worker.postMessage({ id, transactions })
    })

  return {
    address: account.address,
    async sign(transactions) {
      if (closed) throw refused('the signer was closed')
      if (transactions.length === 0) return []
      const parts = Math.min(workers.length, transactions.length)
      const size = Math.ceil(transactions.length / parts)
      const slices: TransactionSerializableEIP1559[][] = []
      for (let start = 0; start < transactions.length; start += size)
        slices.push(transactions.slice(start, start + size))
      return (await Promise.all(slices.map(post))).flat()
    },
    async close() {
      closed = true
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
