import assert from 'node:assert/strict'
import hre from 'hardhat'
import { type Abi, custom } from 'viem'
import { formatAbiItem } from 'viem/utils'
import { ssvNetworkAbi } from '../src/ssv/registration/ssvNetworkAbi.ts'
import { localWallet, runSsvRegistrationScenario } from './ssvRegistrationScenario.ts'

function surface(abi: Abi): Set<string> {
  return new Set(
    abi
      .filter(
        (item): item is Extract<Abi[number], { type: 'function' | 'event' | 'error' }> =>
          item.type === 'function' || item.type === 'event' || item.type === 'error',
      )
      .map((item) => {
        const outputs =
          item.type === 'function' ? ` -> (${item.outputs.map((o) => o.type).join(',')}) ${item.stateMutability}` : ''
        const indexed = item.type === 'event' ? ` [${item.inputs.map((i) => (i.indexed ? 'i' : '-')).join('')}]` : ''
        return `${item.type} ${formatAbiItem(item)}${outputs}${indexed}`
      }),
  )
}

describe('SSV registration on SSVNetworkDouble, Hardhat clique network @integration', () => {
  let connection: Awaited<ReturnType<typeof hre.network.create>>

  before(async () => {
    connection = await hre.network.create({ network: 'clique' })
  })
  after(async () => {
    await connection?.close()
  })

  it('the double has the functions, events and errors of the ssv-scanner ABI, plus only its three double views', async () => {
    const double = surface((await hre.artifacts.readArtifact('SSVNetworkDouble')).abi as Abi)
    const real = surface(ssvNetworkAbi)
    assert.deepEqual([...double].filter((item) => !real.has(item)).sort(), [
      'function clusterHash(address,uint64[]) -> (bytes32) view',
      'function ownerNonce(address) -> (uint256) view',
      'function token() -> (address) view',
    ])
    for (const used of [
      'function registerOperator(',
      'function registerValidator(',
      'function bulkRegisterValidator(',
      'function removeValidator(',
      'function deposit(',
      'event OperatorAdded(',
      'event ValidatorAdded(',
      'event ValidatorRemoved(',
      'event ClusterDeposited(',
      'error IncorrectClusterState(',
    ]) {
      assert.equal([...double].filter((item) => item.startsWith(used)).length, 1, used)
    }
  })

  it('registers 4 operators, 2 validators one by one, a third in bulk with two more and 1 from an ssv-keys file, from DVTNodeKeys EOAs; logs equal the double state; a stale nonce sends nothing', async function () {
    this.timeout(120_000)
    const publicClient = await connection.viem.getPublicClient()
    const [funder] = await connection.viem.getWalletClients()
    assert.ok(funder)
    const chain = publicClient.chain
    const transport = custom(connection.provider)
    const result = await runSsvRegistrationScenario({
      publicClient: publicClient as never,
      funder: funder as never,
      walletFor: (account) => localWallet(account, chain as never, transport as never),
    })
    assert.equal(result.cluster.validatorCount, 5)
  })

  it("SSVTokenDouble is ERC20Double named as the SSV token, reverting with OpenZeppelin 4's strings", async () => {
    const token = await connection.viem.deployContract('SSVTokenDouble', [])
    const [holder] = await connection.viem.getWalletClients()
    assert.ok(holder)
    assert.deepEqual(
      [await token.read.name(), await token.read.symbol(), await token.read.decimals()],
      ['SSV Token', 'SSV', 18],
    )
    const other = '0x000000000000000000000000000000000000dEaD'
    await assert.rejects(token.write.transfer([other, 1n]), /ERC20: transfer amount exceeds balance/)
    await assert.rejects(token.write.transferFrom([other, holder.account.address, 1n]), /ERC20: insufficient allowance/)
  })
})
