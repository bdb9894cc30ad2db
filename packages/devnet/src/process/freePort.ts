import { createServer } from 'node:net'

// Ports handed out by this process and not yet released; a port is bound by the daemon only
// later, so without this two daemons started back to back could be given the same one.
const handedOut = new Set<number>()

/** A TCP port on 127.0.0.1 that nothing listens on right now and this process has not handed out. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer()
      server.unref()
      server.on('error', reject)
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        const chosen = typeof address === 'object' && address ? address.port : 0
        server.close(() => resolve(chosen))
      })
    })
    if (port && !handedOut.has(port)) {
      handedOut.add(port)
      return port
    }
  }
  throw new Error('no free port found on 127.0.0.1')
}
