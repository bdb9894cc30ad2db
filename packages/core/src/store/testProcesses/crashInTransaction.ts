/**
 * A child process for SqliteStore's crash test: opens the store at argv[2], begins a transaction,
 * writes argv[4] large rows plus a compare-and-set of `counter/main`, then dies before COMMIT as
 * argv[3] says: `exit` calls process.exit inside the callback; `sigkill` prints READY and waits for
 * the parent to SIGKILL it.
 */
import { SqliteStore } from '../SqliteStore.ts'

const [path = '', mode = 'exit', rowsText = '10'] = process.argv.slice(2)
const rows = Number(rowsText)
const store = new SqliteStore({ path })

await store.transaction(async (tx) => {
  const counter = await tx.get('counter', 'main')
  if (!counter) throw new Error('the parent seeds counter/main first')
  await tx.compareAndSet('counter', 'main', counter.version, { n: 'half-written' })
  for (let i = 0; i < rows; i++) {
    await tx.putIfAbsent('crash', `row-${String(i).padStart(6, '0')}`, { i, pad: 'x'.repeat(1000) })
  }
  if (mode === 'exit') process.exit(3)
  process.stdout.write('READY\n')
  // keep the event loop alive until the parent kills us
  setInterval(() => {}, 1000)
  await new Promise(() => {})
})
