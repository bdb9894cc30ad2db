import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Secret } from '@chainops/core'
import { type AuthenticatedLnd, authenticatedLndGrpc, getWalletInfo } from 'lightning'
import { Daemon } from '../process/Daemon.ts'
import { daemonBinary } from '../process/daemonBinary.ts'
import { freePort } from '../process/freePort.ts'
import type { LndNode } from './LndNode.ts'
import type { BtcdRegtest } from './startBtcd.ts'

export type StartLndParameters = {
  name: string
  lnddir: string
  btcd: BtcdRegtest
  neutrino?: boolean
  timeoutMs?: number
}

// lnd's clients hold gRPC channels; closing them lets a stopped node go quietly.
function closeClient(lnd: AuthenticatedLnd | undefined): void {
  for (const client of Object.values(lnd ?? {})) (client as { close?: () => void } | undefined)?.close?.()
}

/**
 * Starts one lnd on regtest against btcd (RPC) or, with `neutrino`, against btcd's p2p port
 * (compact filters), and resolves once the wallet exists and `getWalletInfo` reports it synced
 * to btcd's current height. The wallet is created unattended (`--noseedbackup`: tests only).
 */
export async function startLnd(parameters: StartLndParameters): Promise<LndNode> {
  const { name, lnddir, btcd, neutrino = false, timeoutMs = 90_000 } = parameters
  await mkdir(lnddir, { recursive: true })
  const [rpcPort, p2pPort] = [await freePort(), await freePort()]
  const configPath = join(lnddir, 'lnd.conf')
  // The btcd password lives in lnd.conf (0600), not on the command line: no `ps`, no spawn error shows it.
  const config = neutrino
    ? '[Bitcoin]\n'
    : `[btcd]\nbtcd.rpcuser=${btcd.rpcUser}\nbtcd.rpcpass=${btcd.rpcPass.reveal()}\n`
  await writeFile(configPath, config, { mode: 0o600 })
  const backend = neutrino
    ? ['--bitcoin.node=neutrino', `--neutrino.connect=${btcd.p2pSocket}`]
    : ['--bitcoin.node=btcd', `--btcd.rpchost=${new URL(btcd.rpcUrl).host}`, `--btcd.rpccert=${btcd.certPath}`]
  const args = [
    `--lnddir=${lnddir}`,
    `--configfile=${configPath}`,
    '--bitcoin.regtest',
    ...backend,
    '--noseedbackup',
    `--alias=${name}`,
    `--rpclisten=127.0.0.1:${rpcPort}`,
    `--listen=127.0.0.1:${p2pPort}`,
    '--norest',
    // The certificate names localhost and 127.0.0.1 only, not whatever interfaces this host has.
    '--tlsdisableautofill',
    '--debuglevel=info',
    '--trickledelay=50',
    '--accept-keysend',
    '--protocol.wumbo-channels',
    // One confirmation makes a channel usable; the harness still mines 6 so it gets announced.
    '--bitcoin.defaultchanconfs=1',
    '--maxpendingchannels=10',
  ]
  const logPath = join(lnddir, 'lnd.out.log')
  const certPath = join(lnddir, 'tls.cert')
  const macaroonPath = join(lnddir, 'data', 'chain', 'bitcoin', 'regtest', 'admin.macaroon')
  const socket = `127.0.0.1:${rpcPort}`

  let daemon: Daemon
  let lnd: AuthenticatedLnd | undefined
  let cert = ''
  let macaroon: Secret<string> | undefined
  let publicKey = ''

  const launch = async (): Promise<void> => {
    daemon = Daemon.spawn({ name: `lnd-${name}`, binary: daemonBinary('lnd'), args, logPath })
    const wait = { intervalMs: 100, timeoutMs }
    try {
      await daemon.waitUntil('its admin macaroon', async () => existsSync(macaroonPath) && existsSync(certPath), wait)
      cert = (await readFile(certPath)).toString('base64')
      macaroon = new Secret((await readFile(macaroonPath)).toString('base64'))
      closeClient(lnd)
      lnd = authenticatedLndGrpc({ cert, macaroon: macaroon.reveal(), socket }).lnd
      const client = lnd
      const info = await daemon.waitUntil(
        'synced to chain',
        async () => {
          const [tip, info] = await Promise.all([btcd.rpc<number>('getblockcount'), getWalletInfo({ lnd: client })])
          return info.is_synced_to_chain && info.current_block_height >= tip ? info : undefined
        },
        wait,
      )
      publicKey = info.public_key
    } catch (error) {
      closeClient(lnd)
      await daemon.stop()
      throw error
    }
  }

  await launch()
  return {
    name,
    get lnd() {
      return lnd as AuthenticatedLnd
    },
    socket,
    p2pSocket: `127.0.0.1:${p2pPort}`,
    get cert() {
      return cert
    },
    get macaroon() {
      return macaroon as Secret<string>
    },
    get publicKey() {
      return publicKey
    },
    lnddir,
    logPath,
    get pid() {
      return daemon.pid
    },
    neutrino,
    async restart() {
      await daemon.stop()
      await launch()
    },
    async stop() {
      closeClient(lnd)
      await daemon.stop()
    },
  }
}
