/**
 * A child process for SqliteStore's contention test: increments `counter/main` in the store at
 * argv[2] argv[3] times with read + compareAndSet, retrying on STORE_CONDITION_FAILED, and prints
 * `{"wins":N,"conflicts":M}`.
 */
import { isChainopsError } from '../../errors/isChainopsError.ts'
import { SqliteStore } from '../SqliteStore.ts'

const [path = '', timesText = '0'] = process.argv.slice(2)
const store = new SqliteStore({ path, busyTimeoutMs: 30_000 })
let wins = 0
let conflicts = 0
while (wins < Number(timesText)) {
  const current = await store.get<{ n: number }>('counter', 'main')
  if (!current) throw new Error('the parent seeds counter/main first')
  try {
    await store.compareAndSet('counter', 'main', current.version, { n: current.value.n + 1 })
    wins++
  } catch (error) {
    if (!isChainopsError(error, 'STORE_CONDITION_FAILED')) throw error
    conflicts++
  }
}
await store.close()
process.stdout.write(`${JSON.stringify({ wins, conflicts })}\n`)
