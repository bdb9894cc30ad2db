import { createServer } from 'node:net'
import { DevnetError } from '../DevnetError.ts'

// Ports handed out by this process and not yet released; a port is bound by the daemon only
// later, so without this two daemons started back to back could be given the same one.
const handedOut = new Set<number>()

/** A TCP port on 127.0.0.1 that nothing listens on right now and this process has not handed out. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer()
      server.unref()
      server.on('error', (cause) =>
        reject(
          new DevnetError({
            code: 'DEVNET_NO_FREE_PORT',
            shortMessage: 'cannot listen on 127.0.0.1 to find a free port',
            details: cause.message,
            cause,
          }),
        ),
      )
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
  throw new DevnetError({
    code: 'DEVNET_NO_FREE_PORT',
    shortMessage: 'no free port found on 127.0.0.1',
    details: `50 ports from the OS were all taken or already handed out (${handedOut.size} handed out)`,
  })
}
