import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { isPidAlive } from '../src/process/Daemon.ts'
import { type Stack, type StackEndpoints, startStack } from '../src/stack/startStack.ts'

function ports(endpoints: StackEndpoints): number[] {
  const urls = [
    endpoints.geth?.rpcUrl,
    ...(endpoints.geth?.sealers.map((s) => s.rpcUrl) ?? []),
    endpoints.lightning?.btcd.rpcUrl,
    `tcp://${endpoints.lightning?.btcd.p2pSocket}`,
    ...Object.values(endpoints.lightning?.nodes ?? {}).map((n) => `tcp://${n.socket}`),
    endpoints.moto?.endpoint,
  ]
  return urls.map((url) => Number(new URL(url ?? '').port))
}

async function blockNumber(rpcUrl: string): Promise<bigint> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }),
  })
  return BigInt(((await response.json()) as { result: string }).result)
}

describe('startStack: two whole stacks side by side @integration', () => {
  const stacks: Stack[] = []

  after(async () => {
    await Promise.allSettled(stacks.map((s) => s.stop()))
  })

  it('use disjoint ports, directories and processes, both work, and leave no daemon behind after stop()', async () => {
    const progress: string[] = []
    const started = await Promise.all([
      startStack({ geth: { sealers: 1, period: 1 }, onProgress: (line) => progress.push(`a ${line}`) }),
      startStack({ geth: { sealers: 1, period: 1 }, onProgress: (line) => progress.push(`b ${line}`) }),
    ])
    stacks.push(...started)
    const [a, b] = started as [Stack, Stack]
    const [ea, eb] = [a.endpoints(), b.endpoints()]

    const portsA = ports(ea)
    const portsB = ports(eb)
    assert.equal(new Set(portsA).size, portsA.length, 'ports within a stack are distinct')
    assert.deepEqual(
      portsA.filter((p) => portsB.includes(p)),
      [],
      'no port is shared between the stacks',
    )
    const dirsA = [ea.dir, a.geth?.dir, a.lightning?.dir, a.moto?.dir]
    const dirsB = [eb.dir, b.geth?.dir, b.lightning?.dir, b.moto?.dir]
    for (const dir of [...dirsA, ...dirsB]) assert.ok(dir && existsSync(dir))
    assert.deepEqual(
      dirsA.filter((d) => dirsB.includes(d)),
      [],
    )
    assert.ok(progress.some((line) => /^a geth clique: ready in/.test(line)))
    assert.ok(progress.some((line) => /^b btcd \+ lnd: ready in/.test(line)))

    // both chains seal on their own
    const [heightA, heightB] = [await blockNumber(ea.geth!.rpcUrl), await blockNumber(eb.geth!.rpcUrl)]
    await new Promise((resolve) => setTimeout(resolve, 2500))
    assert.ok((await blockNumber(ea.geth!.rpcUrl)) > heightA)
    assert.ok((await blockNumber(eb.geth!.rpcUrl)) > heightB)

    const pidsA = a.pids()
    const pidsB = b.pids()
    assert.equal(new Set([...pidsA, ...pidsB]).size, pidsA.length + pidsB.length)
    assert.ok([...pidsA, ...pidsB].every(isPidAlive))

    await a.stop()
    assert.deepEqual(pidsA.filter(isPidAlive), [], 'stack a left no daemon')
    assert.ok(pidsB.every(isPidAlive), 'stopping a does not touch b')
    assert.equal(existsSync(ea.dir), false)
    await b.stop()
    assert.deepEqual(pidsB.filter(isPidAlive), [], 'stack b left no daemon')
  })
})
