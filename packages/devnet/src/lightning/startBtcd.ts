import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Secret } from '@chainops/core'
import { Daemon } from '../process/Daemon.ts'
import { daemonBinary } from '../process/daemonBinary.ts'
import { freePort } from '../process/freePort.ts'
import { type BtcdRpcConnection, btcdRpc } from './btcdRpc.ts'

export type StartBtcdParameters = {
  /** btcd's own directory (data, logs, TLS pair, config). */
  dir: string
  /** Where `generate` pays the coinbase. */
  miningAddress: string
}

export type BtcdRegtest = BtcdRpcConnection & {
  daemon: Daemon
  /** Path of btcd's `rpc.cert`, for lnd's `--btcd.rpccert`. */
  certPath: string
  /** `127.0.0.1:<port>` of the p2p listener (neutrino peers connect here). */
  p2pSocket: string
  rpc<T>(method: string, params?: readonly unknown[]): Promise<T>
  /** Mines `n` blocks with the `generate` RPC; resolves with their hashes. */
  mine(n: number): Promise<string[]>
  stop(): Promise<void>
}

/**
 * Starts btcd on regtest on 127.0.0.1 (free RPC and p2p ports) and waits until its RPC answers.
 * The RPC password goes into a config file (mode 0600), never onto the command line, so it
 * cannot show up in `ps` or in a spawn error. btcd writes its TLS pair on first start; its
 * self-signed certificate lists localhost, 127.0.0.1 and ::1, which is what both lnd and
 * node:https check the RPC host against.
 */
export async function startBtcd(parameters: StartBtcdParameters): Promise<BtcdRegtest> {
  const { dir, miningAddress } = parameters
  await mkdir(dir, { recursive: true })
  const [rpcPort, p2pPort] = [await freePort(), await freePort()]
  const rpcUser = 'chainops'
  const rpcPass = new Secret(randomBytes(18).toString('hex'))
  const configPath = join(dir, 'btcd.conf')
  await writeFile(configPath, `rpcuser=${rpcUser}\nrpcpass=${rpcPass.reveal()}\n`, { mode: 0o600 })
  const certPath = join(dir, 'rpc.cert')
  const args = [
    `--configfile=${configPath}`,
    '--regtest',
    `--datadir=${join(dir, 'data')}`,
    `--logdir=${join(dir, 'logs')}`,
    `--rpclisten=127.0.0.1:${rpcPort}`,
    `--listen=127.0.0.1:${p2pPort}`,
    `--rpccert=${certPath}`,
    `--rpckey=${join(dir, 'rpc.key')}`,
    `--miningaddr=${miningAddress}`,
    '--txindex',
    '--nobanning',
    '--nostalldetect',
    // Inventory (transactions a neutrino lnd broadcasts, for one) is otherwise relayed every 10 s.
    '--trickleinterval=50ms',
    '--rpcmaxclients=100',
    '--rpcmaxwebsockets=100',
    '--debuglevel=info',
  ]
  const logPath = join(dir, 'btcd.log')
  const daemon = Daemon.spawn({ name: 'btcd', binary: daemonBinary('btcd'), args, logPath })
  try {
    const cert = await daemon.waitUntil(
      'its TLS certificate',
      async () => (existsSync(certPath) ? (await readFile(certPath, 'utf8')) || undefined : undefined),
      { intervalMs: 50, timeoutMs: 30_000 },
    )
    const connection: BtcdRpcConnection = { rpcUrl: `https://127.0.0.1:${rpcPort}`, rpcUser, rpcPass, cert }
    await daemon.waitUntil('RPC getblockcount', async () => (await btcdRpc<number>(connection, 'getblockcount')) >= 0, {
      intervalMs: 50,
      timeoutMs: 30_000,
    })
    return {
      ...connection,
      daemon,
      certPath,
      p2pSocket: `127.0.0.1:${p2pPort}`,
      rpc: (method, params = []) => btcdRpc(connection, method, params),
      // About 5 ms a block on regtest; a generous timeout for large batches.
      mine: (n) => btcdRpc<string[]>(connection, 'generate', [n], 60_000 + n * 100),
      stop: () => daemon.stop(),
    }
  } catch (error) {
    await daemon.stop()
    throw error
  }
}
