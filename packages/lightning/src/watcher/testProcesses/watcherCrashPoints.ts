import type { Store, StoreTransaction } from '@chainops/core'
import type { Transport } from 'viem'
import { MINT_JOURNAL_TABLE } from '../../minter/MintJournalRow.ts'
import type { CrashAt } from '../../minter/testProcesses/crashPointHooks.ts'

export type WatcherCrashPoints = {
  /** The store the watcher writes through: a commit that touched the mint journal (an outcome, a fee bump) is a `journaled` point. */
  store(inner: Store): Store
  /** The RPC transport the watcher sends through: an answered `eth_sendRawTransaction` (a rebroadcast, a fee bump) is a `broadcast` point. */
  transport(inner: Transport): Transport
}

/**
 * The receipt watcher's crash points for the test processes, the counterpart of the minter's
 * `crashPointHooks` without a seam in the library: the watcher is given a store and an RPC
 * transport that announce every journal commit and every answered broadcast on stdout, and at the
 * chosen one announce `crash-point` and hang (the commit done, the broadcast answered) until the
 * test kills the process.
 */
export function watcherCrashPoints(
  crashAt: CrashAt | undefined,
  emit: (event: Record<string, unknown>) => void,
): WatcherCrashPoints {
  const rounds = { journaled: 0, broadcast: 0 }
  const hang = new Promise<never>(() => {})
  const step = async (point: 'journaled' | 'broadcast', detail: Record<string, unknown>) => {
    rounds[point]++
    emit({ event: point, ...detail })
    if (crashAt?.point === point && rounds[point] >= crashAt.after) {
      emit({ event: 'crash-point', point, ...detail })
      await hang
    }
  }

  /** Notes the journal keys a write touches. */
  const noting = (ops: StoreTransaction, touched: string[]): StoreTransaction => ({
    get: (table, key) => ops.get(table, key),
    putIfAbsent: (table, key, value) => {
      if (table === MINT_JOURNAL_TABLE) touched.push(key)
      return ops.putIfAbsent(table, key, value)
    },
    compareAndSet: (table, key, expectedVersion, next) => {
      if (table === MINT_JOURNAL_TABLE) touched.push(key)
      return ops.compareAndSet(table, key, expectedVersion, next)
    },
    delete: (table, key, expectedVersion) => {
      if (table === MINT_JOURNAL_TABLE) touched.push(key)
      return ops.delete(table, key, expectedVersion)
    },
  })
  const committed = async <T>(touched: string[], result: T): Promise<T> => {
    if (touched.length > 0) await step('journaled', { hashes: touched })
    return result
  }

  return {
    store(inner) {
      const write = async <T>(fn: (ops: StoreTransaction) => Promise<T>): Promise<T> => {
        const touched: string[] = []
        return committed(touched, await fn(noting(inner, touched)))
      }
      return {
        get: (table, key) => inner.get(table, key),
        getMany: (keys) => inner.getMany(keys),
        list: (table, options) => inner.list(table, options),
        putIfAbsent: (table, key, value) => write((ops) => ops.putIfAbsent(table, key, value)),
        compareAndSet: (table, key, expectedVersion, next) =>
          write((ops) => ops.compareAndSet(table, key, expectedVersion, next)),
        delete: (table, key, expectedVersion) => write((ops) => ops.delete(table, key, expectedVersion)),
        async transaction(fn) {
          const touched: string[] = []
          const result = await inner.transaction((tx) => fn(noting(tx, touched)))
          return committed(touched, result)
        },
        close: () => inner.close(),
      }
    },

    transport(inner) {
      return (options) => {
        const made = inner(options)
        return {
          ...made,
          request: (async (args: { method: string; params?: unknown }) => {
            if (args.method !== 'eth_sendRawTransaction') return made.request(args as never)
            // Answered either way (accepted, or "already known" and the like): the node has seen it.
            const answer = await made.request(args as never).then(
              (value) => ({ ok: true as const, value }),
              (error: unknown) => ({ ok: false as const, error }),
            )
            await step('broadcast', { ok: answer.ok })
            if (!answer.ok) throw answer.error
            return answer.value
          }) as typeof made.request,
        }
      }
    },
  }
}
