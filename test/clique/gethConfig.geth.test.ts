import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { enodeIdFromNodeKey, gethConfig } from '@chainops/clique'
import { Secret } from '@chainops/core'
import { daemonBinary, tempDir } from '@chainops/devnet'

const run = promisify(execFile)
const key = (n: number) => new Secret(`0x${n.toString(16).padStart(64, '0')}`)

describe('gethConfig read back by the real geth (dumpconfig) @integration', () => {
  let dir = ''
  before(async () => {
    dir = await tempDir('clique-config')
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('geth accepts every node file and reads back the modules, peers, gas ceiling and pool limits', async () => {
    const { nodes } = gethConfig({
      networkId: 2789,
      gasLimit: 126_000_000n,
      dataDir: join(dir, 'data'),
      txPool: { globalSlots: 20_000, lifetimeSeconds: 3600 },
      nodes: [
        {
          name: 'sealer-a',
          role: 'sealer',
          host: '127.0.0.1',
          p2pPort: 30401,
          enodeId: enodeIdFromNodeKey(key(1)),
          signer: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
        },
        {
          name: 'sealer-b',
          role: 'sealer',
          host: '127.0.0.1',
          p2pPort: 30402,
          enodeId: enodeIdFromNodeKey(key(2)),
          signer: '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
        },
        {
          name: 'sealer-c',
          role: 'sealer',
          host: '127.0.0.1',
          p2pPort: 30403,
          enodeId: enodeIdFromNodeKey(key(3)),
          signer: '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
        },
        {
          name: 'rpc-1',
          role: 'rpc',
          host: '127.0.0.1',
          p2pPort: 30404,
          enodeId: enodeIdFromNodeKey(key(4)),
          httpPort: 18545,
        },
      ],
    })
    for (const node of nodes) {
      const file = join(dir, `${node.name}.toml`)
      await writeFile(file, node.toml)
      const { stdout } = await run(daemonBinary('geth'), ['--config', file, 'dumpconfig'])
      const line = (name: string) => stdout.split('\n').find((l) => l.startsWith(`${name} =`))
      assert.equal(line('GasCeil'), 'GasCeil = 126000000')
      assert.equal(line('GlobalSlots'), 'GlobalSlots = 20000')
      assert.equal(line('Lifetime'), 'Lifetime = 3600000000000')
      assert.equal(line('NetworkId'), 'NetworkId = 2789')
      assert.equal(line('StaticNodes'), `StaticNodes = [${node.staticNodes.map((e) => JSON.stringify(e)).join(', ')}]`)
      // Without our empty list geth would print its mainnet discv5 bootnodes here.
      assert.equal(line('BootstrapNodesV5'), undefined)
      if (node.role === 'rpc') {
        assert.equal(line('HTTPHost'), 'HTTPHost = "0.0.0.0"')
        assert.equal(line('HTTPModules'), 'HTTPModules = ["eth", "net", "web3"]')
      } else {
        assert.equal(line('HTTPHost'), 'HTTPHost = ""')
      }
    }
  })
})
