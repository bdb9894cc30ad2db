import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Secret } from '@chainops/core'
import { addPeer, createChainAddress, getChannels, getRouteToDestination, getUtxos, openChannel } from 'lightning'
import { DevnetError } from '../DevnetError.ts'
import { logTail } from '../process/Daemon.ts'
import { pollUntil } from '../process/pollUntil.ts'
import { tempDir } from '../process/tempDir.ts'
import { describeLightningError } from './describeLightningError.ts'
import { fundFromFaucet } from './fundFromFaucet.ts'
import type { LndNode } from './LndNode.ts'
import { regtestFaucet } from './regtestFaucet.ts'
import type { StartLightningRegtestParameters } from './StartLightningRegtestParameters.ts'
import { type BtcdRegtest, startBtcd } from './startBtcd.ts'
import { startLnd } from './startLnd.ts'
import { validateLightningRegtestOptions } from './validateLightningRegtestOptions.ts'

export type LightningRegtest = {
  dir: string
  btcd: {
    /** `https://127.0.0.1:<port>`, TLS with `cert`, basic auth. */
    rpcUrl: string
    rpcUser: string
    rpcPass: Secret<string>
    /** btcd's RPC certificate (PEM). */
    cert: string
    /** `127.0.0.1:<port>` of btcd's p2p listener. */
    p2pSocket: string
    pid: number
    /** Mines `n` blocks (coinbase to the harness's anyone-can-spend faucet); resolves with their hashes. */
    mine(n: number): Promise<string[]>
    /** Any btcd JSON-RPC call. */
    rpc<T>(method: string, params?: readonly unknown[]): Promise<T>
  }
  nodes: Record<string, LndNode>
  /** The PIDs of every daemon, lnd nodes first (current ones: a restarted lnd has a new PID). */
  pids(): number[]
  /** Stops every lnd, then btcd, by PID; removes the temp dir. Safe to call twice. */
  stop(): Promise<void>
}

// Each channel's funding output carries this on top of the capacity: the funding transaction's
// fee at lnd's regtest fee rate and the anchor reserve, with room to spare.
const FUNDING_MARGIN_SATS = 1_000_000n
// Every node also gets one output of its own (1 BTC), for on-chain tests and fee bumps.
const SPARE_SATS = 100_000_000n
// Regtest's subsidy before the first halving (block 150).
const COINBASE_SATS = 5_000_000_000n
// btcd's regtest activates segwit (with csv and taproot) by BIP9 signalling, not from genesis:
// the state is ACTIVE for blocks from 432 on, so segwit transactions (every lnd funding
// transaction) enter the mempool once the tip is at 431. Mining that many takes ~0.2 s. It also
// matures the coinbases of blocks 1..331 (spendable 100 blocks later).
const SEGWIT_READY_HEIGHT = 431

/**
 * Starts btcd on regtest and lnd nodes against it (some optionally on neutrino), funds them and
 * opens the requested channels, all on 127.0.0.1 with free ports under one temp dir. Resolves
 * once every channel is active on both sides.
 *
 * Funding: btcd has no wallet, so its coinbase goes to a P2SH `OP_TRUE` address (see
 * `regtestFaucet`) that anyone can spend without a signature. 431 blocks are mined before any
 * lnd starts (segwit activation, see below; lnd also wants a recent block to call itself
 * synced), which leaves the early coinbases mature; one transaction then pays every lnd wallet
 * from them, one output per channel it funds (so openings never wait on change) plus a spare.
 * This needs no key, no btcd restart with a new `--miningaddr`, and no waiting for coinbase
 * maturity after lnd is up.
 *
 * On failure everything started is stopped, the dir is kept, and the error carries the log tails.
 */
export async function startLightningRegtest(
  parameters: StartLightningRegtestParameters = {},
): Promise<LightningRegtest> {
  const { nodes: nodeOptions, channels } = validateLightningRegtestOptions(parameters)
  const ownDir = parameters.dir === undefined
  const dir = parameters.dir ?? (await tempDir(parameters.label ?? 'lightning'))

  let btcd: BtcdRegtest | undefined
  const nodes: Record<string, LndNode> = {}
  let stopped = false
  const stopDaemons = async () => {
    await Promise.allSettled(Object.values(nodes).map((node) => node.stop()))
    await btcd?.stop()
  }

  let step = 'start btcd'
  try {
    const faucet = regtestFaucet()
    btcd = await startBtcd({ dir: join(dir, 'btcd'), miningAddress: faucet.address })
    const chain = btcd

    // Outputs of the funding transaction, in order: per channel, then one spare per node.
    const outputs = [
      ...channels.map((channel) => ({ owner: channel.from, sats: channel.capacitySats + FUNDING_MARGIN_SATS })),
      ...nodeOptions.map((node) => ({ owner: node.name, sats: SPARE_SATS })),
    ]
    const total = outputs.reduce((sum, output) => sum + output.sats, 0n) + 20_000n
    const coinbases = Number((total + COINBASE_SATS - 1n) / COINBASE_SATS)
    step = 'mine the faucet coinbases'
    const minedHashes = await chain.mine(SEGWIT_READY_HEIGHT)

    step = 'start lnd'
    const started = await Promise.allSettled(
      nodeOptions.map((node) =>
        startLnd({ name: node.name, lnddir: join(dir, node.name), btcd: chain, neutrino: node.neutrino ?? false }),
      ),
    )
    for (const result of started) if (result.status === 'fulfilled') nodes[result.value.name] = result.value
    const failed = started.find((result) => result.status === 'rejected')
    if (failed) throw failed.reason
    const node = (name: string) => nodes[name] as LndNode

    step = 'fund the lnd wallets'
    const addresses = new Map<string, string>()
    for (const { name } of nodeOptions) {
      addresses.set(name, (await createChainAddress({ lnd: node(name).lnd, format: 'np2wpkh' })).address)
    }
    const { txid: fundingTxid } = await fundFromFaucet({
      btcd: chain,
      coinbaseBlockHashes: minedHashes.slice(0, coinbases),
      outputs: outputs.map((output) => ({ address: addresses.get(output.owner) as string, sats: output.sats })),
    })
    await chain.mine(1)
    await Promise.all(
      nodeOptions.map(({ name }) => {
        const vouts = outputs.flatMap((output, vout) => (output.owner === name ? [vout] : []))
        return pollUntil(`${name} to see its funding outputs`, async () => {
          const { utxos } = await getUtxos({ lnd: node(name).lnd, min_confirmations: 1 })
          return vouts.every((vout) =>
            utxos.some((utxo) => utxo.transaction_id === fundingTxid && utxo.transaction_vout === vout),
          )
        })
      }),
    )

    step = 'connect peers'
    const pairs = new Map(channels.map((channel) => [`${channel.from}>${channel.to}`, channel]))
    await Promise.all(
      [...pairs.values()].map((channel) =>
        addPeer({
          lnd: node(channel.from).lnd,
          public_key: node(channel.to).publicKey,
          socket: node(channel.to).p2pSocket,
          retry_count: 20,
          retry_delay: 100,
        }),
      ),
    )

    step = 'open channels'
    const funding = await Promise.all(
      channels.map((channel, index) =>
        openChannel({
          lnd: node(channel.from).lnd,
          partner_public_key: node(channel.to).publicKey,
          local_tokens: Number(channel.capacitySats),
          give_tokens: Number(channel.pushSats ?? 0n),
          inputs: [{ transaction_id: fundingTxid, transaction_vout: index }],
        }),
      ),
    )
    // A neutrino node broadcasts over p2p: wait for btcd's mempool before mining on it.
    await pollUntil('the channel funding transactions in btcd mempool', async () => {
      const mempool = await chain.rpc<string[]>('getrawmempool')
      return funding.every((f) => mempool.includes(f.transaction_id))
    })
    await chain.mine(6)

    step = 'wait for active channels'
    await Promise.all(
      channels.flatMap((channel, index) =>
        [channel.from, channel.to].map((name) =>
          pollUntil(`channel ${channel.from}->${channel.to} active at ${name}`, async () => {
            const { channels: active } = await getChannels({ lnd: node(name).lnd, is_active: true })
            const f = funding[index]
            return active.some(
              (c) => c.transaction_id === f?.transaction_id && c.transaction_vout === f?.transaction_vout,
            )
          }),
        ),
      ),
    )
    // "Active" comes about a second before lnd's pathfinding will use the channel (until then a
    // payment fails with "insufficient local balance"); a route query sees what `pay` will see.
    step = 'wait for usable channels'
    await Promise.all(
      [...pairs.values()].map((channel) =>
        pollUntil(`a route ${channel.from}->${channel.to}`, async () => {
          const { route } = await getRouteToDestination({
            lnd: node(channel.from).lnd,
            destination: node(channel.to).publicKey,
            tokens: 1,
          })
          return route !== undefined
        }),
      ),
    )
    // A restarted node's channel peers come back only on their own reconnection backoff (the
    // restarted node cannot dial a peer that had connected to it: it never learnt a listening
    // address), which grows to minutes; reconnect them at once, as an operator would with
    // `lncli connect`.
    for (const restarting of Object.values(nodes)) {
      const restart = restarting.restart.bind(restarting)
      const peers = new Set(
        channels.flatMap((channel) =>
          channel.from === restarting.name ? [channel.to] : channel.to === restarting.name ? [channel.from] : [],
        ),
      )
      restarting.restart = async () => {
        await restart()
        await Promise.all(
          [...peers].map((peer) =>
            addPeer({
              lnd: restarting.lnd,
              public_key: node(peer).publicKey,
              socket: node(peer).p2pSocket,
              retry_count: 20,
              retry_delay: 200,
            }).catch(() => undefined),
          ),
        )
      }
    }
  } catch (error) {
    await stopDaemons()
    const logs = [
      btcd ? { name: 'btcd', path: btcd.daemon.logPath } : undefined,
      ...Object.values(nodes).map((n) => ({ name: n.name, path: n.logPath })),
    ]
      .filter((log) => log !== undefined)
      .map((log) => `--- ${log.name} (${log.path}):\n${logTail(log.path, 15)}`)
      .join('\n')
    const message = error instanceof DevnetError ? error.shortMessage : describeLightningError(error)
    const details = error instanceof DevnetError && error.details ? `${error.details}\n` : ''
    throw new DevnetError({
      code: error instanceof DevnetError ? error.code : 'DEVNET_DAEMON_START_FAILED',
      shortMessage: `lightning regtest failed to ${step}: ${message}`,
      details: `dir kept: ${dir}\n${details}${logs}`,
      ...(error instanceof Error ? { cause: error } : {}),
    })
  }

  const chain = btcd
  return {
    dir,
    btcd: {
      rpcUrl: chain.rpcUrl,
      rpcUser: chain.rpcUser,
      rpcPass: chain.rpcPass,
      cert: chain.cert,
      p2pSocket: chain.p2pSocket,
      pid: chain.daemon.pid,
      mine: (n) => chain.mine(n),
      rpc: (method, params) => chain.rpc(method, params),
    },
    nodes,
    pids: () => [...Object.values(nodes).map((node) => node.pid), chain.daemon.pid],
    async stop() {
      if (stopped) return
      stopped = true
      await stopDaemons()
      if (ownDir) await rm(dir, { recursive: true, force: true })
    },
  }
}
