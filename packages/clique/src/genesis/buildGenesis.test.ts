import assert from 'node:assert/strict'
import { CliqueError } from '../errors/CliqueError.ts'
import { decodeExtraData } from '../extraData/decodeExtraData.ts'
import { type BuildGenesisParameters, buildGenesis } from './buildGenesis.ts'
import type { Hardfork } from './forks.ts'
import { parseGenesis } from './parseGenesis.ts'
import { deterministicDeploymentProxy } from './predeploys/deterministicDeploymentProxy.ts'
import { toGenesisJson } from './toGenesisJson.ts'

const S1 = '0x3333333333333333333333333333333333333333'
const S2 = '0x1111111111111111111111111111111111111111'

describe('buildGenesis', () => {
  it('activates every fork through london at block 0, sorts sealers into extraData and writes the base fee', () => {
    const genesis = buildGenesis({ chainId: 2789, sealers: [S1, S2], period: 2 })
    assert.deepEqual(genesis.config, {
      chainId: 2789,
      clique: { period: 2, epoch: 30000 },
      homesteadBlock: 0,
      eip150Block: 0,
      eip155Block: 0,
      eip158Block: 0,
      byzantiumBlock: 0,
      constantinopleBlock: 0,
      petersburgBlock: 0,
      istanbulBlock: 0,
      muirGlacierBlock: 0,
      berlinBlock: 0,
      londonBlock: 0,
    })
    assert.deepEqual(decodeExtraData(genesis.extraData).signers, [S2, S1])
    assert.equal(genesis.baseFeePerGas, 1_000_000_000n)
    assert.equal(genesis.gasLimit, 30_000_000n)
    assert.equal(genesis.difficulty, 1n)
  })

  const petersburg = [
    'homesteadBlock',
    'eip150Block',
    'eip155Block',
    'eip158Block',
    'byzantiumBlock',
    'constantinopleBlock',
    'petersburgBlock',
  ]
  const forksOf: [Hardfork, string[]][] = [
    ['petersburg', petersburg],
    ['istanbul', [...petersburg, 'istanbulBlock', 'muirGlacierBlock']],
    ['berlin', [...petersburg, 'istanbulBlock', 'muirGlacierBlock', 'berlinBlock']],
    ['london', [...petersburg, 'istanbulBlock', 'muirGlacierBlock', 'berlinBlock', 'londonBlock']],
  ]
  for (const [hardfork, forks] of forksOf) {
    it(`activates exactly the forks through ${hardfork}, in geth's order, at block 0`, () => {
      const { chainId, clique, ...config } = buildGenesis({ chainId: 5, sealers: [S1], hardfork }).config
      assert.deepEqual(Object.keys(config), forks)
      for (const fork of forks) assert.equal(config[fork as keyof typeof config], 0)
    })
  }

  it('stops at berlin when asked and then has no base fee', () => {
    const genesis = buildGenesis({ chainId: 5, sealers: [S1], hardfork: 'berlin' })
    assert.equal(genesis.config.berlinBlock, 0)
    assert.equal(genesis.config.londonBlock, undefined)
    assert.equal(genesis.baseFeePerGas, undefined)
  })

  it('places the deterministic deployment proxy with its 69-byte runtime code and nonce 1', () => {
    const genesis = buildGenesis({ chainId: 5, sealers: [S1], predeploys: [deterministicDeploymentProxy] })
    const account = genesis.alloc['0x4e59b44847b379578588920cA78FbF26c0B4956C']
    assert.equal(account?.code?.length, 2 + 69 * 2)
    assert.equal(account?.nonce, 1n)
    assert.equal(account?.balance, 0n)
  })

  it('survives toGenesisJson -> parseGenesis unchanged, with storage and nonce', () => {
    const genesis = buildGenesis({
      chainId: 99,
      sealers: [S1, S2],
      alloc: { [S1]: { balance: 10n ** 28n, nonce: 3n, code: '0x00', storage: { '0x01': '0xff' } } },
      predeploys: [deterministicDeploymentProxy],
    })
    assert.deepEqual(parseGenesis(JSON.parse(JSON.stringify(toGenesisJson(genesis)))), genesis)
  })

  const bad: [string, Partial<BuildGenesisParameters>, string, string][] = [
    ['chainId 0', { chainId: 0 }, 'CLIQUE_GENESIS_INVALID', 'chainId'],
    ['period 0', { period: 0 }, 'CLIQUE_GENESIS_INVALID', 'period'],
    ['a fractional period', { period: 1.5 }, 'CLIQUE_GENESIS_INVALID', 'period'],
    ['epoch 0', { epoch: 0 }, 'CLIQUE_GENESIS_INVALID', 'epoch'],
    ['shanghai', { hardfork: 'shanghai' as 'london' }, 'CLIQUE_GENESIS_INVALID', 'hardfork'],
    ['a gas limit under 5000', { gasLimit: 4999n }, 'CLIQUE_GENESIS_INVALID', 'gasLimit'],
    ['no sealers', { sealers: [] }, 'CLIQUE_GENESIS_INVALID', 'sealers'],
    ['a bad sealer', { sealers: ['0x12'] }, 'CLIQUE_SIGNER_INVALID', 'signers.0'],
    ['a base fee before london', { hardfork: 'berlin', baseFeePerGas: 1n }, 'CLIQUE_GENESIS_INVALID', 'baseFeePerGas'],
    ['a negative balance', { alloc: { [S1]: { balance: -1n } } }, 'CLIQUE_GENESIS_INVALID', `alloc.${S1}.balance`],
    ['a bad alloc key', { alloc: { '0x12': { balance: 1n } } }, 'CLIQUE_GENESIS_INVALID', 'alloc.0x12'],
    [
      'code without 0x',
      { alloc: { [S1]: { balance: 1n, code: '60' as `0x${string}` } } },
      'CLIQUE_QUANTITY_INVALID',
      `alloc.${S1}.code`,
    ],
    [
      'a predeploy on a funded address',
      {
        alloc: { [deterministicDeploymentProxy.address]: { balance: 1n } },
        predeploys: [deterministicDeploymentProxy],
      },
      'CLIQUE_GENESIS_INVALID',
      'predeploys.0.address',
    ],
  ]
  for (const [name, override, code, path] of bad) {
    it(`refuses ${name} with ${code} at ${path}`, () => {
      assert.throws(
        () => buildGenesis({ chainId: 1, sealers: [S1], ...override }),
        (error: unknown) => error instanceof CliqueError && error.code === code && error.path === path,
      )
    })
  }
})
