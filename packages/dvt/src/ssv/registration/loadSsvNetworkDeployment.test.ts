import assert from 'node:assert/strict'
import type { AbiEvent, AbiFunction } from 'viem'
import { formatAbiItem } from 'viem/utils'
import { loadSsvNetworkDeployment } from './loadSsvNetworkDeployment.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

describe('loadSsvNetworkDeployment', () => {
  it('loads mainnet and Hoodi from ssv-scanner with their proxy, token and deployment block', () => {
    const mainnet = loadSsvNetworkDeployment('mainnet')
    assert.equal(mainnet.contractAddress, '0xDD9BC35aE942eF0cFa76930954a156B3fF30a4E1')
    assert.equal(mainnet.tokenAddress, '0x9D65fF81a3c488d585bBfb0Bfe3c7707c7917f54')
    assert.equal(mainnet.genesisBlock, 17507487n)
    const hoodi = loadSsvNetworkDeployment('hoodi')
    assert.equal(hoodi.contractAddress, '0x58410Bef803ECd7E63B23664C586A6DB72DAf59c')
    assert.equal(hoodi.tokenAddress, '0x9F5d4Ec84fC4785788aB44F9de973cF34F7A038e')
    assert.equal(hoodi.genesisBlock, 1065n)
    assert.equal(loadSsvNetworkDeployment('mainnet'), mainnet, 'loaded once')
    assert.equal(ssvNetworkAbi, mainnet.abi)
  })

  it('has the same functions and events on mainnet and Hoodi', () => {
    const surface = (network: 'mainnet' | 'hoodi') =>
      loadSsvNetworkDeployment(network)
        .abi.filter((item): item is AbiFunction | AbiEvent => item.type === 'function' || item.type === 'event')
        .map((item) => formatAbiItem(item))
        .sort()
    assert.deepEqual(surface('hoodi'), surface('mainnet'))
  })
})
