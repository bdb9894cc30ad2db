import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { type GethConfigParameters, type GethNodeSpec, gethConfig } from './gethConfig.ts'

const id = (byte: string) => `0x${byte.repeat(64)}` as const
const nodes: GethNodeSpec[] = [
  {
    name: 'sealer-a',
    role: 'sealer',
    host: '10.0.1.10',
    zone: 'ap-northeast-1a',
    enodeId: id('a1'),
    signer: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
  },
  {
    name: 'sealer-b',
    role: 'sealer',
    host: '10.0.2.10',
    zone: 'ap-northeast-1c',
    enodeId: id('b2'),
    signer: '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
  },
  {
    name: 'sealer-c',
    role: 'sealer',
    host: '10.0.3.10',
    zone: 'ap-northeast-1d',
    enodeId: id('c3'),
    signer: '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
  },
  { name: 'rpc-1', role: 'rpc', host: '10.0.1.20', enodeId: id('d4'), httpPort: 8545 },
]
const base: GethConfigParameters = { networkId: 2789, gasLimit: 126_000_000n, nodes }
const enode = (byte: string, host: string) => `enode://${byte.repeat(64)}@${host}:30303`

describe('gethConfig', () => {
  const { nodes: out } = gethConfig({
    ...base,
    txPool: { globalSlots: 20_000, accountSlots: 64, lifetimeSeconds: 3600 },
  })

  it('makes every other node a static peer and the sealers the bootnodes', () => {
    assert.deepEqual(out[3]?.staticNodes, [
      enode('a1', '10.0.1.10'),
      enode('b2', '10.0.2.10'),
      enode('c3', '10.0.3.10'),
    ])
    assert.deepEqual(out[3]?.bootnodes, out[3]?.staticNodes)
    assert.deepEqual(out[0]?.staticNodes, [
      enode('b2', '10.0.2.10'),
      enode('c3', '10.0.3.10'),
      enode('d4', '10.0.1.20'),
    ])
    assert.equal(out[0]?.enode, enode('a1', '10.0.1.10'))
  })

  it('gives the public RPC node eth, net and web3 only, and no signer flags', () => {
    const toml = out[3]?.toml ?? ''
    assert.match(toml, /^HTTPModules = \["eth", "net", "web3"\]$/m)
    assert.match(toml, /^HTTPHost = "0.0.0.0"$/m)
    for (const module of ['clique', 'admin', 'personal', 'debug', 'miner', 'txpool'])
      assert.equal(toml.includes(`"${module}"`), false)
    assert.deepEqual(out[3]?.args, [])
  })

  it('gives sealers no HTTP at all, the gas ceiling, and the flags that unlock and seal', () => {
    const toml = out[0]?.toml ?? ''
    assert.match(toml, /^HTTPHost = ""$/m)
    assert.equal(toml.includes('HTTPModules'), false)
    assert.match(toml, /^GasCeil = 126000000$/m)
    assert.match(toml, /^Etherbase = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"$/m)
    assert.deepEqual(out[0]?.args, [
      '--mine',
      '--miner.etherbase',
      '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
      '--unlock',
      '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
      '--password',
      '/var/lib/geth/signer.password',
    ])
  })

  it('writes tx pool limits, the lifetime in nanoseconds', () => {
    const toml = out[1]?.toml ?? ''
    assert.match(toml, /^GlobalSlots = 20000$/m)
    assert.match(toml, /^AccountSlots = 64$/m)
    assert.match(toml, /^Lifetime = 3600000000000$/m)
  })

  it('with fullMesh, trusts every static peer and dials them all; without it, neither', () => {
    const meshed = gethConfig({ ...base, maxPeers: 3, fullMesh: true }).nodes[0]?.toml ?? ''
    const peers = [enode('b2', '10.0.2.10'), enode('c3', '10.0.3.10'), enode('d4', '10.0.1.20')]
    assert.match(meshed, /^MaxPeers = 3$/m)
    assert.match(meshed, /^DialRatio = 1$/m)
    assert.ok(meshed.split('\n').includes(`TrustedNodes = [${peers.map((p) => JSON.stringify(p)).join(', ')}]`))
    const toml = out[0]?.toml ?? ''
    assert.equal(toml.includes('DialRatio'), false)
    assert.equal(toml.includes('TrustedNodes'), false)
  })

  const bad: [string, Partial<GethConfigParameters>, string][] = [
    ['an admin module on the RPC node', { rpcModules: ['eth', 'admin'] }, 'rpcModules.1'],
    ['the clique module', { rpcModules: ['clique'] }, 'rpcModules.0'],
    ['no sealer', { nodes: [nodes[3] as GethNodeSpec] }, 'nodes'],
    [
      'a sealer without signer',
      { nodes: [{ ...(nodes[0] as GethNodeSpec), signer: undefined as unknown as string }] },
      'nodes.0.signer',
    ],
    [
      'an RPC node with a signer',
      {
        nodes: [
          nodes[0] as GethNodeSpec,
          { ...(nodes[3] as GethNodeSpec), signer: '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf' },
        ],
      },
      'nodes.1.signer',
    ],
    [
      'two nodes with one nodekey',
      { nodes: [nodes[0] as GethNodeSpec, { ...(nodes[3] as GethNodeSpec), enodeId: id('a1') }] },
      'nodes.1.enodeId',
    ],
    [
      'a duplicate name',
      { nodes: [nodes[0] as GethNodeSpec, { ...(nodes[3] as GethNodeSpec), name: 'sealer-a' }] },
      'nodes.1.name',
    ],
    ['a short enode id', { nodes: [{ ...(nodes[0] as GethNodeSpec), enodeId: '0x01' }] }, 'nodes.0.enodeId'],
    ['a port of 70000', { nodes: [{ ...(nodes[0] as GethNodeSpec), p2pPort: 70000 }] }, 'nodes.0.p2pPort'],
    ['a gas limit of 0', { gasLimit: 0n }, 'gasLimit'],
    ['a negative pool size', { txPool: { globalSlots: -1 } }, 'txPool.globalSlots'],
    ['a fullMesh that is not a boolean', { fullMesh: 'yes' as unknown as boolean }, 'fullMesh'],
  ]
  for (const [name, override, path] of bad) {
    it(`refuses ${name} with CLIQUE_CONFIG_INVALID at ${path}`, () => {
      assert.throws(
        () => gethConfig({ ...base, ...override }),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_CONFIG_INVALID' && e.path === path,
      )
    })
  }
})
