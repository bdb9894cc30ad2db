import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isPidAlive } from '@chainops/devnet'
import { safeSingletonFactoryPredeploy } from '@chainops/treasury'
import { chainops as runChainops } from './support/chainops.ts'

/** `devnet up` starts geth and waits for blocks: a longer timeout than the shared default. */
const chainops = (args: string[]) => runChainops(args, { timeout: 300_000 })

describe('chainops devnet up | status | down @integration', () => {
  let dir: string
  let state: string

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chainops-cli-devnet-'))
    state = join(dir, 'devnet.json')
  })

  after(async () => {
    await chainops(['devnet', 'down', '--state', state])
    await rm(dir, { recursive: true, force: true })
  })

  it('status exits 1 with no stack, up starts one in the background, status reports it, down stops every daemon by PID', async () => {
    const absent = await chainops(['devnet', 'status', '--state', state])
    assert.equal(absent.code, 1)
    assert.match(absent.stdout, /devnet: absent/)

    const up = await chainops(['devnet', 'up', '--state', state, '--sealers', '1', '--no-lightning', '--json'])
    assert.equal(up.code, 0, up.stderr)
    assert.match(up.stderr, /devnet: ready in/)
    const printed = JSON.parse(up.stdout)
    const written = JSON.parse(await readFile(state, 'utf8'))
    assert.deepEqual(printed, written)
    assert.equal(written.status, 'ready')
    assert.equal(written.endpoints.geth.chainId, 2789)
    assert.equal(written.endpoints.geth.sealers.length, 1)
    assert.equal(written.endpoints.lightning, undefined)
    assert.match(written.endpoints.moto.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/)
    // the faucet key is referenced by a 0600 file, never inlined
    assert.doesNotMatch(JSON.stringify(written), /0x[0-9a-fA-F]{64}/)
    const pids: number[] = written.pids
    assert.ok(pids.length >= 3 && pids.every(isPidAlive))

    const chainId = await fetch(written.endpoints.geth.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    }).then((r) => r.json() as Promise<{ result: string }>)
    assert.equal(chainId.result, '0xae5')
    // The Safe singleton factory is in the genesis, so `safe deploy` and the Safe examples work on it.
    const factory = await safeSingletonFactoryPredeploy()
    const code = await fetch(written.endpoints.geth.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'eth_getCode', params: [factory.address, 'latest'] }),
    }).then((r) => r.json() as Promise<{ result: string }>)
    assert.equal(code.result, factory.code.toLowerCase())

    const again = await chainops(['devnet', 'up', '--state', state])
    assert.equal(again.code, 1)
    assert.match(again.stderr, /already running/)

    const status = await chainops(['devnet', 'status', '--state', state])
    assert.equal(status.code, 0)
    assert.match(status.stdout, /devnet: ready/)

    const down = await chainops(['devnet', 'down', '--state', state])
    assert.equal(down.code, 0, down.stderr)
    assert.deepEqual(
      pids.filter((pid) => isPidAlive(pid)),
      [],
    )
    const after = await chainops(['devnet', 'status', '--state', state, '--json'])
    assert.equal(after.code, 1)
    assert.equal(JSON.parse(after.stdout).status, 'stopped')
  })

  it('rejects bad usage with exit code 2', async () => {
    const bad = await chainops(['devnet', 'up', '--state', state, '--sealers', 'zero'])
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /--sealers must be a positive integer/)
  })
})
