import type { Secret } from '@chainops/core'
import type { Address } from 'viem'
import { DevnetError } from '../DevnetError.ts'
import { Daemon } from '../process/Daemon.ts'
import type { GethNode, GethNodePorts } from './GethNode.ts'
import { gethIpcRequest } from './gethIpcRequest.ts'
import { gethRpcRequest } from './gethRpcRequest.ts'

// What devnet sealers write in the 32-byte vanity of each block.
const sealerVanity = 'chainops devnet'

export type GethNodeProcessParameters = {
  name: string
  index: number
  role: 'sealer' | 'rpc'
  address?: Address
  binary: string
  args: readonly string[]
  enode: string
  datadir: string
  ipcPath: string
  logPath: string
  ports: GethNodePorts
  /** Called when the process exits without `stop()` having been asked for. */
  onUnexpectedExit: (node: GethNodeProcess, code: number | null) => void
}

/**
 * A devnet geth that can be stopped and started again with the same datadir, ports and node key,
 * so tests can halt a sealer and bring it back. Every PID it ever had is kept for teardown checks.
 */
export class GethNodeProcess implements GethNode {
  readonly name: string
  readonly index: number
  readonly role: 'sealer' | 'rpc'
  readonly address?: Address
  readonly rpcUrl: string
  readonly wsUrl?: string
  readonly enode: string
  readonly datadir: string
  readonly logPath: string
  readonly ports: GethNodePorts
  readonly ipcPath: string
  readonly #binary: string
  readonly #args: readonly string[]
  readonly #onUnexpectedExit: GethNodeProcessParameters['onUnexpectedExit']
  readonly #pids: number[] = []
  #daemon: Daemon | undefined
  #stopping = false

  constructor(parameters: GethNodeProcessParameters) {
    this.name = parameters.name
    this.index = parameters.index
    this.role = parameters.role
    if (parameters.address) this.address = parameters.address
    this.rpcUrl = `http://127.0.0.1:${parameters.ports.http}`
    if (parameters.ports.ws !== undefined) this.wsUrl = `ws://127.0.0.1:${parameters.ports.ws}`
    this.enode = parameters.enode
    this.datadir = parameters.datadir
    this.logPath = parameters.logPath
    this.ipcPath = parameters.ipcPath
    this.ports = parameters.ports
    this.#binary = parameters.binary
    this.#args = parameters.args
    this.#onUnexpectedExit = parameters.onUnexpectedExit
  }

  get pid(): number {
    if (!this.#daemon) throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: `${this.name} was never started` })
    return this.#daemon.pid
  }

  get running(): boolean {
    return this.#daemon?.running ?? false
  }

  /** Every PID this node has had, oldest first. */
  get pids(): readonly number[] {
    return this.#pids
  }

  /** The current process, for readiness waits (which fail with its log tail). */
  get daemon(): Daemon {
    if (!this.#daemon) throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: `${this.name} was never started` })
    return this.#daemon
  }

  start(): void {
    if (this.running) {
      throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: `${this.name} is already running (pid ${this.pid})` })
    }
    this.#stopping = false
    const daemon = Daemon.spawn({ name: this.name, binary: this.#binary, args: this.#args, logPath: this.logPath })
    this.#daemon = daemon
    this.#pids.push(daemon.pid)
    void daemon.exited.then((code) => {
      if (!this.#stopping && this.#daemon === daemon) this.#onUnexpectedExit(this, code)
    })
  }

  async stop(): Promise<void> {
    this.#stopping = true
    await this.#daemon?.stop()
  }

  /** Waits until the HTTP endpoint answers with the expected chain id. */
  async waitForRpc(chainId: number, timeoutMs: number): Promise<void> {
    await this.daemon.waitUntil(
      `HTTP RPC on ${this.rpcUrl}`,
      async () => Number(await gethRpcRequest<string>(this.rpcUrl, 'eth_chainId')) === chainId,
      { timeoutMs },
    )
  }

  /** Waits until at least `count` peers are connected (static peering, no discovery). */
  async waitForPeers(count: number, timeoutMs: number): Promise<void> {
    if (count === 0) return
    await this.daemon.waitUntil(
      `${count} peer(s)`,
      async () => Number(await gethRpcRequest<string>(this.rpcUrl, 'net_peerCount')) >= count,
      { timeoutMs },
    )
  }

  /** Waits until this node's head is above `number`; returns the head it saw. */
  async waitForBlockAbove(number: bigint, timeoutMs: number): Promise<bigint> {
    return this.daemon.waitUntil(
      `a block above ${number}`,
      async () => {
        const head = BigInt(await gethRpcRequest<string>(this.rpcUrl, 'eth_blockNumber'))
        return head > number ? head : undefined
      },
      { timeoutMs },
    )
  }

  /**
   * Sealer, step 1 of 2: `miner_start` over IPC while the sealer key is still locked. geth marks
   * itself synced when mining starts and only then imports propagated blocks; a sealer that is
   * not yet synced when another seals block 1 drops that block and seals its own, and with two
   * sealers that fork never heals (each has "signed recently"). The first seal fails on the
   * locked key and the miner idles, so call this on every sealer before `unlockAndSeal` on any.
   */
  async armSealing(timeoutMs: number): Promise<void> {
    this.#sealerAddress()
    await this.daemon.waitUntil(
      'miner_start over IPC',
      async () => {
        await gethIpcRequest<null>(this.ipcPath, 'miner_start')
        return true
      },
      { timeoutMs, intervalMs: 50 },
    )
  }

  /**
   * Sealer, step 2 of 2: unlocks the key over IPC and restarts the idle miner so it seals. The
   * miner skips a task whose seal hash equals the one that just failed, so the block's vanity
   * (extraData) is changed first to make the retried header differ.
   */
  async unlockAndSeal(password: Secret<string>, attempt = 0): Promise<void> {
    const address = this.#sealerAddress()
    await gethIpcRequest<boolean>(this.ipcPath, 'personal_unlockAccount', [address, password.reveal(), 0])
    // Each attempt a different vanity, so that its header never repeats a failed one.
    await gethIpcRequest<boolean>(this.ipcPath, 'miner_setExtra', [
      attempt === 0 ? sealerVanity : `${sealerVanity} ${attempt}`,
    ])
    // miner_stop returns before the miner has stopped, and miner_start does nothing while it still
    // reports mining: started too early, the miner would then stop for good. Wait out each step.
    await gethIpcRequest<null>(this.ipcPath, 'miner_stop')
    await this.#untilMining(false)
    await gethIpcRequest<null>(this.ipcPath, 'miner_start')
    await this.#untilMining(true)
  }

  async #untilMining(wanted: boolean): Promise<void> {
    const deadline = Date.now() + 5000
    while ((await gethIpcRequest<boolean>(this.ipcPath, 'eth_mining')) !== wanted && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20))
  }

  #sealerAddress(): Address {
    if (this.role !== 'sealer' || !this.address) {
      throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: `${this.name} is not a sealer` })
    }
    return this.address
  }

  /** This node's head block number. */
  async head(): Promise<bigint> {
    return BigInt(await gethRpcRequest<string>(this.rpcUrl, 'eth_blockNumber'))
  }

  /** Waits until this node's head is at least `number` (a restarted node catching up). */
  async waitForBlockAtLeast(number: bigint, timeoutMs: number): Promise<void> {
    if (number > 0n) await this.waitForBlockAbove(number - 1n, timeoutMs)
  }
}
