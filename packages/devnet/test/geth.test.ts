import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { buildGenesis, deterministicDeploymentProxy, toGenesisJson } from '@chainops/clique'
import { createPublicClient, createWalletClient, defineChain, type Hex, http, parseEther } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { DevnetError } from '../src/DevnetError.ts'
import type { GethCliqueNetwork } from '../src/geth/GethCliqueNetwork.ts'
import { gethRpcRequest } from '../src/geth/gethRpcRequest.ts'
import type { StartGethCliqueParameters } from '../src/geth/StartGethCliqueParameters.ts'
import { startGethClique } from '../src/geth/startGethClique.ts'
import { isPidAlive } from '../src/process/Daemon.ts'
import { pollUntil } from '../src/process/pollUntil.ts'

async function blockNumber(url: string): Promise<bigint> {
  return BigInt(await gethRpcRequest<string>(url, 'eth_blockNumber'))
}

/** The geth log path a start failure names in its details. */
function logPathIn(error: DevnetError): string {
  const match = /log (\S+geth\.log)/.exec(error.details ?? '')
  assert.ok(match, `no log path in: ${error.details}`)
  return match[1]!
}

async function rejection(promise: Promise<unknown>): Promise<DevnetError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof DevnetError, `expected a DevnetError, got ${String(error)}`)
    return error
  }
  return assert.fail('expected a rejection')
}

describe('startGethClique @integration', () => {
  describe('a single sealer with period 1 and an RPC node', () => {
    let net: GethCliqueNetwork
    const prefunded = privateKeyToAccount(generatePrivateKey()).address
    const prefundWei = 7n * 10n ** 18n + 3n

    before(async () => {
      net = await startGethClique({
        sealers: 1,
        period: 1,
        label: 'geth-single',
        prefund: [{ address: prefunded, balanceWei: prefundWei }],
        predeploys: [deterministicDeploymentProxy],
      })
    })
    after(async () => {
      await net?.stop()
    })

    it('writes the minimal London genesis: all forks at 0, no shanghai, sealer in extraData, 30M gas', () => {
      const sealer = net.sealers[0]!
      assert.equal(net.chainId, 2789)
      assert.equal(
        net.genesis.extraData,
        `0x${'00'.repeat(32)}${sealer.address!.slice(2).toLowerCase()}${'00'.repeat(65)}`,
      )
      assert.equal(net.genesis.gasLimit, 30_000_000n)
      assert.equal(net.genesis.difficulty, 1n)
      assert.deepEqual(net.genesis.config.clique, { period: 1, epoch: 30000 })
      assert.equal(net.genesis.config.londonBlock, 0)
      assert.equal(net.genesis.config.berlinBlock, 0)
      assert.equal('shanghaiTime' in net.genesis.config, false)
      assert.deepEqual(JSON.parse(readFileSync(net.genesisPath, 'utf8')), toGenesisJson(net.genesis))
    })

    it('seals blocks: the head rises by at least two within a few seconds', async () => {
      const url = net.sealers[0]!.rpcUrl
      const start = await blockNumber(url)
      assert.ok(start > 0n)
      await pollUntil('two more blocks', async () => (await blockNumber(url)) >= start + 2n, { timeoutMs: 8_000 })
    })

    it('clique_getSigners on the sealer returns exactly the sealer address', async () => {
      const signers = await gethRpcRequest<string[]>(net.sealers[0]!.rpcUrl, 'clique_getSigners')
      assert.deepEqual(signers, [net.sealers[0]!.address!.toLowerCase()])
    })

    it('funds the faucet and the prefund accounts at genesis with the exact balances', async () => {
      const url = net.sealers[0]!.rpcUrl
      assert.equal(BigInt(await gethRpcRequest<string>(url, 'eth_getBalance', [prefunded, '0x0'])), prefundWei)
      assert.equal(BigInt(await gethRpcRequest<string>(url, 'eth_getBalance', [net.faucet.address, '0x0'])), 10n ** 24n)
    })

    it('places the predeploys at their addresses with their code, at nonce 1', async () => {
      const url = net.rpc!.rpcUrl
      const { address, code } = deterministicDeploymentProxy
      assert.equal(await gethRpcRequest<string>(url, 'eth_getCode', [address, 'latest']), code)
      assert.equal(await gethRpcRequest<string>(url, 'eth_getTransactionCount', [address, 'latest']), '0x1')
    })

    it('a transfer signed with the faucet key is mined and the recipient gets exactly the amount', async () => {
      const chain = defineChain({
        id: net.chainId,
        name: 'chainops devnet',
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [net.rpc!.rpcUrl] } },
      })
      const transport = http(net.rpc!.rpcUrl)
      const wallet = createWalletClient({
        account: privateKeyToAccount(net.faucet.privateKey.reveal()),
        chain,
        transport,
      })
      const client = createPublicClient({ chain, transport })
      const recipient = privateKeyToAccount(generatePrivateKey()).address
      const amount = parseEther('1.25') + 17n
      const hash = await wallet.sendTransaction({ to: recipient, value: amount })
      const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 200, timeout: 30_000 })
      assert.equal(receipt.status, 'success')
      assert.equal(await client.getBalance({ address: recipient }), amount)
      assert.equal(await client.getBalance({ address: recipient, blockNumber: receipt.blockNumber - 1n }), 0n)
    })

    it('the RPC node follows the sealer: same block hashes at the same heights', async () => {
      const sealerUrl = net.sealers[0]!.rpcUrl
      const rpcUrl = net.rpc!.rpcUrl
      const head = await blockNumber(sealerUrl)
      // The head itself is not settled: a single sealer can seal two siblings at one height (a
      // recommit), and a non-mining node breaks an equal-difficulty tie at random. Once two
      // descendants exist on both nodes, the block at `head` is the one both chains build on.
      const settled = async (url: string): Promise<boolean> => (await blockNumber(url)) >= head + 2n
      await pollUntil(
        'both nodes to pass the sealer head by two blocks',
        async () => (await settled(sealerUrl)) && (await settled(rpcUrl)),
        {
          timeoutMs: 15_000,
        },
      )
      const at = `0x${head.toString(16)}`
      const onSealer = await gethRpcRequest<{ hash: string }>(sealerUrl, 'eth_getBlockByNumber', [at, false])
      const onRpc = await gethRpcRequest<{ hash: string }>(rpcUrl, 'eth_getBlockByNumber', [at, false])
      assert.equal(onRpc.hash, onSealer.hash)
    })

    it('the RPC node refuses clique_getSigners and admin_peers as methods not found (-32601)', async () => {
      for (const method of ['clique_getSigners', 'admin_peers']) {
        await assert.rejects(gethRpcRequest(net.rpc!.rpcUrl, method), {
          name: 'GethRpcError',
          code: 'DEVNET_RPC_FAILED',
          rpcCode: -32601,
        })
      }
    })

    it('each node has the enode the harness computed from its fixed node key', async () => {
      const info = await gethRpcRequest<{ enode: string }>(net.sealers[0]!.rpcUrl, 'admin_nodeInfo')
      assert.equal(info.enode.split('?')[0], net.sealers[0]!.enode)
      // An inbound peer shows its ephemeral source port, so compare node ids (the key part).
      const nodeId = (enode: string): string => enode.slice('enode://'.length, enode.indexOf('@'))
      const peers = await gethRpcRequest<Array<{ enode: string }>>(net.sealers[0]!.rpcUrl, 'admin_peers')
      assert.deepEqual(
        peers.map((peer) => nodeId(peer.enode)),
        [nodeId(net.rpc!.enode)],
      )
    })

    it('stopping the only sealer halts the chain; startNode brings it back on the same datadir and ports', async () => {
      const sealer = net.sealers[0]!
      const oldPid = sealer.pid
      const rpcUrl = net.rpc!.rpcUrl
      await net.stopNode(0)
      assert.equal(isPidAlive(oldPid), false)
      await sleep(1_000) // a block sealed just before the stop may still be on its way to the RPC node
      const halted = await blockNumber(rpcUrl)
      await sleep(2_500) // more than two periods
      assert.equal(await blockNumber(rpcUrl), halted)

      const restarted = await net.startNode(0)
      assert.notEqual(restarted.pid, oldPid)
      assert.equal(restarted.rpcUrl, sealer.rpcUrl)
      assert.ok(net.pids().includes(oldPid) && net.pids().includes(restarted.pid))
      try {
        // Generous: under a loaded machine a restarted geth takes a while to seal again.
        await pollUntil('blocks after the restart', async () => (await blockNumber(rpcUrl)) >= halted + 2n, {
          timeoutMs: 45_000,
        })
      } catch (error) {
        const tail = readFileSync(restarted.logPath, 'utf8').split('\n').slice(-40).join('\n')
        throw new Error(
          `${(error as Error).message}; sealer head ${await blockNumber(restarted.rpcUrl)}, log tail:\n${tail}`,
        )
      }
      assert.deepEqual(net.failures, [])
    })
  })

  describe('two networks side by side', () => {
    let a: GethCliqueNetwork
    let b: GethCliqueNetwork

    before(async () => {
      const started = await Promise.allSettled([
        startGethClique({ sealers: 2, period: 1, label: 'geth-a' }),
        startGethClique({ sealers: 2, period: 1, label: 'geth-b', rpcNode: false, chainId: 31337, ws: true }),
      ])
      const failed = started.find((result) => result.status === 'rejected')
      if (failed) {
        // Never leave the network that did start running behind a failed hook.
        await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)))
        throw failed.reason
      }
      ;[a, b] = started.map((result) => (result as PromiseFulfilledResult<GethCliqueNetwork>).value) as [
        GethCliqueNetwork,
        GethCliqueNetwork,
      ]
    })
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()])
    })

    it('use disjoint ports and directories and run separate chains', async () => {
      const ports = [...a.nodes, ...b.nodes].flatMap((node) => Object.values(node.ports))
      assert.equal(new Set(ports).size, ports.length)
      const dirs = [...a.nodes, ...b.nodes].map((node) => node.datadir)
      assert.equal(new Set(dirs).size, dirs.length)
      assert.notEqual(a.dir, b.dir)
      assert.equal(a.nodes.length, 3)
      assert.equal(b.nodes.length, 2)
      assert.equal(b.rpc, undefined)
      assert.equal(BigInt(await gethRpcRequest<string>(b.sealers[0]!.rpcUrl, 'eth_chainId')), 31337n)
      const signersA = await gethRpcRequest<string[]>(a.sealers[1]!.rpcUrl, 'clique_getSigners')
      assert.deepEqual(signersA, a.sealers.map((s) => s.address!.toLowerCase()).sort())
    })

    it('two sealers alternate: consecutive blocks are signed by different sealers', async () => {
      const url = a.rpc!.rpcUrl
      const head = await blockNumber(url)
      await pollUntil('two more blocks', async () => (await blockNumber(url)) >= head + 2n, { timeoutMs: 15_000 })
      const miners = new Set<string>()
      for (const n of [head + 1n, head + 2n]) {
        const signer = await gethRpcRequest<string>(a.sealers[0]!.rpcUrl, 'clique_getSigner', [`0x${n.toString(16)}`])
        miners.add(signer.toLowerCase())
      }
      assert.equal(miners.size, 2)
    })

    it('serves WebSocket RPC on its own port when ws is set', async () => {
      const wsUrl = b.sealers[0]!.wsUrl
      assert.ok(wsUrl)
      const socket = new WebSocket(wsUrl)
      const answer = await new Promise<string>((resolve, reject) => {
        socket.onerror = () => reject(new Error('websocket error'))
        socket.onopen = () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }))
        socket.onmessage = (event) => resolve(String(event.data))
      })
      socket.close()
      assert.equal(JSON.parse(answer).result, '0x7a69')
      assert.equal(a.sealers[0]!.wsUrl, undefined)
    })

    it('with one of two sealers stopped the chain halts, and restarting it resumes sealing', async () => {
      const url = a.rpc!.rpcUrl
      await a.stopNode(1)
      // The remaining sealer may add at most one block before Clique's recent-signer rule stops it.
      await sleep(2_500)
      const halted = await blockNumber(url)
      await sleep(2_500)
      assert.equal(await blockNumber(url), halted)
      await a.startNode(1)
      await pollUntil('two blocks after the restart', async () => (await blockNumber(url)) >= halted + 2n, {
        timeoutMs: 15_000,
      })
      assert.deepEqual(a.failures, [])
    })

    it('after stop() none of their PIDs is alive and their temp dirs are gone', async () => {
      const pids = [...a.pids(), ...b.pids()]
      assert.equal(pids.length, 6) // network a restarted one sealer
      assert.equal(pids.filter(isPidAlive).length, 5)
      await Promise.all([a.stop(), b.stop()])
      assert.deepEqual(
        pids.filter((pid) => isPidAlive(pid)),
        [],
      )
      assert.equal(existsSync(a.dir), false)
      assert.equal(existsSync(b.dir), false)
    })
  })

  describe('a node that dies on its own', () => {
    it('is recorded in failures, and with keepDirOnFailure stop() keeps the directory', async () => {
      const net = await startGethClique({
        sealers: 1,
        period: 1,
        rpcNode: false,
        label: 'geth-crash',
        keepDirOnFailure: true,
      })
      try {
        const pid = net.sealers[0]!.pid
        process.kill(pid, 'SIGKILL')
        await pollUntil('the failure to be recorded', async () => net.failures.length > 0, { timeoutMs: 5_000 })
        assert.equal(net.failures.length, 1)
        assert.match(net.failures[0]!, new RegExp(`geth-crash-sealer-0 \\(pid ${pid}\\) exited`))
        await net.stop()
        assert.equal(existsSync(net.sealers[0]!.logPath), true)
      } finally {
        await net.stop()
        await rm(net.dir, { recursive: true, force: true })
      }
    })
  })

  describe('start failures', () => {
    let dir: string
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'chainops-geth-fail-'))
    })
    after(async () => {
      await rm(dir, { recursive: true, force: true })
    })

    it('a geth that rejects its command line fails the start with geth’s own message in details', async () => {
      const error = await rejection(
        startGethClique({
          sealers: 1,
          period: 1,
          rpcNode: false,
          extraArgs: ['--no-such-flag'],
          readyTimeoutMs: 20_000,
        }),
      )
      assert.equal(error.code, 'DEVNET_DAEMON_START_FAILED')
      assert.match(error.details ?? '', /flag provided but not defined: -no-such-flag/)
      // Without keepDirOnFailure the temp dir the harness made is gone again.
      assert.equal(existsSync(logPathIn(error)), false)
    })

    it('a corrupt genesis fails at geth init with geth’s own message in details', async () => {
      const sealerKey: Hex = generatePrivateKey()
      const sealer = privateKeyToAccount(sealerKey).address
      const genesis = buildGenesis({ chainId: 2789, period: 1, sealers: [sealer] })
      // Past buildGenesis's checks: a balance of 257 bits, which geth must refuse itself.
      genesis.alloc['0x0000000000000000000000000000000000000001'] = { balance: 2n ** 256n }
      const error = await rejection(
        startGethClique({ sealers: 1, period: 1, genesis, sealerKeys: [sealerKey], dir: join(dir, 'corrupt') }),
      )
      assert.equal(error.code, 'DEVNET_DAEMON_START_FAILED')
      assert.match(error.details ?? '', /invalid genesis file: invalid hex or decimal integer "0x10{64}"/)
    })

    it('with keepDirOnFailure the failed node’s log stays on disk in the temp dir', async () => {
      const error = await rejection(
        startGethClique({
          sealers: 1,
          period: 1,
          rpcNode: false,
          label: 'geth-kept',
          extraArgs: ['--no-such-flag'],
          keepDirOnFailure: true,
        }),
      )
      const logPath = logPathIn(error)
      try {
        assert.equal(error.code, 'DEVNET_DAEMON_START_FAILED')
        assert.match(readFileSync(logPath, 'utf8'), /flag provided but not defined: -no-such-flag/)
      } finally {
        await rm(join(logPath, '..', '..'), { recursive: true, force: true })
      }
    })
  })

  describe('a port taken by another process', () => {
    it('is retried on fresh ports, up to three attempts, and then fails with geth’s bind error', async () => {
      const busy = createServer()
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
      const port = (busy.address() as AddressInfo).port
      const label = `geth-busy-${process.pid}`
      const attemptDirs = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(`chainops-${label}-`))
      try {
        // The last --http.port wins, so every attempt collides with the port held here.
        const error = await rejection(
          startGethClique({
            sealers: 1,
            period: 1,
            rpcNode: false,
            label,
            keepDirOnFailure: true,
            extraArgs: ['--http.port', String(port)],
          }),
        )
        assert.equal(error.code, 'DEVNET_DAEMON_START_FAILED')
        assert.match(error.details ?? '', /address already in use/)
        assert.equal((await attemptDirs()).length, 3)
      } finally {
        busy.close()
        await Promise.all(
          (await attemptDirs()).map((name) => rm(join(tmpdir(), name), { recursive: true, force: true })),
        )
      }
    })
  })

  describe('bad options', () => {
    const key = generatePrivateKey()
    const otherKey = generatePrivateKey()
    const cases: Array<[string, StartGethCliqueParameters]> = [
      ['sealers 0', { sealers: 0, period: 1 }],
      ['sealers 1.5', { sealers: 1.5, period: 1 }],
      ['sealers 17', { sealers: 17, period: 1 }],
      ['period 0', { sealers: 1, period: 0 }],
      ['period -1', { sealers: 1, period: -1 }],
      ['chainId 0', { sealers: 1, period: 1, chainId: 0 }],
      ['gasLimit below 5000', { sealers: 1, period: 1, gasLimit: 4999n }],
      ['two sealer keys for one sealer', { sealers: 1, period: 1, sealerKeys: [key, generatePrivateKey()] }],
      ['a short sealer key', { sealers: 1, period: 1, sealerKeys: ['0x1234'] }],
      ['a repeated sealer key', { sealers: 2, period: 1, sealerKeys: [key, key] }],
      ['a candidate key that is a sealer key', { sealers: 1, period: 1, sealerKeys: [key], candidateKeys: [key] }],
      ['a short candidate key', { sealers: 1, period: 1, candidateKeys: ['0x1234'] }],
      ['16 sealers and a candidate', { sealers: 16, period: 1, candidateKeys: [generatePrivateKey()] }],
      [
        'a candidate the genesis already lists',
        {
          sealers: 1,
          period: 1,
          sealerKeys: [key],
          candidateKeys: [otherKey],
          genesis: buildGenesis({
            chainId: 2789,
            period: 1,
            sealers: [privateKeyToAccount(key).address, privateKeyToAccount(otherKey).address],
          }),
        },
      ],
      ['a prefund with a bad address', { sealers: 1, period: 1, prefund: [{ address: '0x12', balanceWei: 1n }] }],
      [
        'a negative prefund',
        { sealers: 1, period: 1, prefund: [{ address: privateKeyToAccount(key).address, balanceWei: -1n }] },
      ],
      ['a label with a space', { sealers: 1, period: 1, label: 'my net' }],
      [
        'a prefund at a predeploy address',
        {
          sealers: 1,
          period: 1,
          predeploys: [deterministicDeploymentProxy],
          prefund: [{ address: deterministicDeploymentProxy.address, balanceWei: 1n }],
        },
      ],
      [
        'predeploys beside a genesis',
        {
          sealers: 1,
          period: 1,
          sealerKeys: [key],
          predeploys: [deterministicDeploymentProxy],
          genesis: buildGenesis({ chainId: 2789, period: 1, sealers: [privateKeyToAccount(key).address] }),
        },
      ],
      [
        'a genesis without sealer keys',
        {
          sealers: 1,
          period: 1,
          genesis: buildGenesis({ chainId: 2789, period: 1, sealers: [privateKeyToAccount(key).address] }),
        },
      ],
      [
        'a genesis whose extraData lacks the sealer',
        {
          sealers: 1,
          period: 1,
          sealerKeys: [key],
          genesis: buildGenesis({
            chainId: 2789,
            period: 1,
            sealers: [privateKeyToAccount(generatePrivateKey()).address],
          }),
        },
      ],
      [
        'a genesis with another period',
        {
          sealers: 1,
          period: 2,
          sealerKeys: [key],
          genesis: buildGenesis({ chainId: 2789, period: 1, sealers: [privateKeyToAccount(key).address] }),
        },
      ],
    ]
    for (const [name, options] of cases) {
      it(`rejects ${name} with DEVNET_BAD_OPTIONS before starting anything`, async () => {
        const error = await rejection(startGethClique(options))
        assert.equal(error.code, 'DEVNET_BAD_OPTIONS')
      })
    }
  })
})
