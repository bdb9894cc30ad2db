/**
 * A child process for SqliteQueue's contention test: opens the queue at argv[2], prints READY and
 * waits for a line on stdin so that all children start together, then receives (with a long
 * visibility timeout, so nothing is redelivered) and deletes each message until the queue is
 * empty, and prints the bodies it got as a JSON array.
 */
import { once } from 'node:events'
import { SqliteQueue } from '../SqliteQueue.ts'

const [path = ''] = process.argv.slice(2)
const queue = new SqliteQueue({ path, busyTimeoutMs: 30_000 })
process.stdout.write('READY\n')
await once(process.stdin, 'data')
process.stdin.destroy()
const bodies: string[] = []
for (;;) {
  const messages = await queue.receive({ max: 1, visibilityTimeoutMs: 600_000 })
  if (messages.length === 0) break
  for (const message of messages) {
    bodies.push(message.body)
    if (!(await queue.delete(message.receiptHandle))) throw new Error('lost a receipt handle')
  }
  // a moment of "work" between receives, as a real consumer has; without it one process holding
  // the lock back to back starves the others (SQLite's busy handler backs off while waiting)
  await new Promise((resolve) => setTimeout(resolve, 2))
}
await queue.close()
process.stdout.write(`${JSON.stringify(bodies)}\n`)
