import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { freePort } from './freePort.ts'

describe('freePort', () => {
  it('hands out distinct ports that can be bound on 127.0.0.1', async () => {
    const ports = await Promise.all([freePort(), freePort(), freePort()])
    assert.equal(new Set(ports).size, 3)
    for (const port of ports) {
      const server = createServer()
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', resolve)
      })
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
