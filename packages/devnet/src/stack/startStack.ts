import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Address } from 'viem'
import type { StartGethCliqueParameters } from '../geth/StartGethCliqueParameters.ts'
import { type GethCliqueNetwork, startGethClique } from '../geth/startGethClique.ts'
import type { StartLightningRegtestParameters } from '../lightning/StartLightningRegtestParameters.ts'
import { type LightningRegtest, startLightningRegtest } from '../lightning/startLightningRegtest.ts'
import { type MotoServer, startMoto } from '../moto/startMoto.ts'
import { tempDir } from '../process/tempDir.ts'

export type StartStackParameters = {
  /** The geth Clique network; `false` leaves it out. Default: 3 sealers, period 1 s. */
  geth?: Partial<StartGethCliqueParameters> | false
  /** btcd + lnd; `false` leaves it out. Default: `operator` and `payer`, a channel payer -> operator. */
  lightning?: Partial<StartLightningRegtestParameters> | boolean
  /** The moto server (SQS, SSM, DynamoDB). Default: on. */
  moto?: boolean
  /** One line per milestone, for progress output. */
  onProgress?: (line: string) => void
}

/**
 * Where everything of a running stack is, as plain JSON for the state file. Secrets are not
 * inlined: the faucet key, lnd certs and macaroons are referenced by file path (mode 0600).
 */
export type StackEndpoints = {
  dir: string
  geth?: {
    chainId: number
    period: number
    rpcUrl: string
    sealers: { rpcUrl: string; address: Address }[]
    faucet: { address: Address; keyFile: string }
  }
  lightning?: {
    btcd: { rpcUrl: string; p2pSocket: string }
    nodes: Record<
      string,
      { socket: string; publicKey: string; certPath: string; macaroonPath: string; lnddir: string; neutrino: boolean }
    >
  }
  moto?: { endpoint: string; region: string }
}

export type Stack = {
  geth: GethCliqueNetwork | undefined
  lightning: LightningRegtest | undefined
  moto: MotoServer | undefined
  endpoints(): StackEndpoints
  pids(): number[]
  stop(): Promise<void>
}

/** Starts the whole local stack, its parts in parallel; if one part fails the others are stopped. */
export async function startStack(parameters: StartStackParameters = {}): Promise<Stack> {
  const { geth = {}, lightning = true, moto = true, onProgress = () => {} } = parameters
  const dir = await tempDir('stack')
  const timed = async <T>(label: string, start: () => Promise<T>): Promise<T> => {
    const t0 = Date.now()
    onProgress(`${label}: starting`)
    const result = await start()
    onProgress(`${label}: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    return result
  }
  const lightningParameters: Partial<StartLightningRegtestParameters> =
    lightning === true
      ? {
          nodes: [{ name: 'operator' }, { name: 'payer' }],
          channels: [{ from: 'payer', to: 'operator', capacitySats: 5_000_000n }],
        }
      : lightning || {}
  const parts = await Promise.allSettled([
    geth === false
      ? undefined
      : timed('geth clique', () => startGethClique({ sealers: 3, period: 1, ...geth } as StartGethCliqueParameters)),
    lightning === false ? undefined : timed('btcd + lnd', () => startLightningRegtest(lightningParameters)),
    moto ? timed('moto', () => startMoto()) : undefined,
  ])
  const [gethPart, lightningPart, motoPart] = parts
  const started = {
    geth: gethPart.status === 'fulfilled' ? gethPart.value : undefined,
    lightning: lightningPart.status === 'fulfilled' ? lightningPart.value : undefined,
    moto: motoPart.status === 'fulfilled' ? motoPart.value : undefined,
  }
  const stop = async () => {
    await Promise.allSettled([started.geth?.stop(), started.lightning?.stop(), started.moto?.stop()])
  }
  const failed = parts.find((p) => p.status === 'rejected')
  if (failed) {
    await stop()
    throw failed.reason
  }

  let faucetKeyFile = ''
  if (started.geth) {
    faucetKeyFile = join(dir, 'faucet.key')
    await writeFile(faucetKeyFile, `${started.geth.faucet.privateKey.reveal()}\n`, { mode: 0o600 })
  }

  return {
    ...started,
    endpoints(): StackEndpoints {
      const endpoints: StackEndpoints = { dir }
      const g = started.geth
      if (g) {
        endpoints.geth = {
          chainId: g.chainId,
          period: g.period,
          rpcUrl: (g.rpc ?? g.sealers[0])?.rpcUrl ?? '',
          sealers: g.sealers.map((s) => ({ rpcUrl: s.rpcUrl, address: s.address as Address })),
          faucet: { address: g.faucet.address, keyFile: faucetKeyFile },
        }
      }
      const l = started.lightning
      if (l) {
        endpoints.lightning = {
          btcd: { rpcUrl: l.btcd.rpcUrl, p2pSocket: l.btcd.p2pSocket },
          nodes: Object.fromEntries(
            Object.entries(l.nodes).map(([name, n]) => [
              name,
              {
                socket: n.socket,
                publicKey: n.publicKey,
                certPath: join(n.lnddir, 'tls.cert'),
                macaroonPath: join(n.lnddir, 'data', 'chain', 'bitcoin', 'regtest', 'admin.macaroon'),
                lnddir: n.lnddir,
                neutrino: n.neutrino,
              },
            ]),
          ),
        }
      }
      if (started.moto) endpoints.moto = { endpoint: started.moto.endpoint, region: started.moto.clientConfig.region }
      return endpoints
    },
    pids: () => [
      ...(started.geth?.pids() ?? []),
      ...(started.lightning?.pids() ?? []),
      ...(started.moto?.pids() ?? []),
    ],
    async stop() {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
