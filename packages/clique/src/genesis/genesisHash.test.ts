import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { CliqueError } from '../errors/CliqueError.ts'
import { buildGenesis } from './buildGenesis.ts'
import { genesisHash } from './genesisHash.ts'
import { parseGenesis } from './parseGenesis.ts'

// The expected hash is what geth v1.13.15 printed for `geth init` of this file
// ("Successfully wrote genesis state ... hash=0x1442…fd38"); test/genesisHash.geth.test.ts
// re-derives it from the binary on every integration run.
const seed = parseGenesis(readFileSync(new URL('../../test/fixtures/seed-genesis.json', import.meta.url), 'utf8'))

describe('genesisHash', () => {
  it('gives the hash geth v1.13.15 wrote for the seed genesis', () => {
    assert.equal(genesisHash(seed).hash, '0x1442ec5581532dba7258e810dd2574773f6e1c336e2db1f324a43fbf42d8fd38')
  })

  it('adds the base fee field only when london is active at block 0', () => {
    const london = genesisHash(buildGenesis({ chainId: 1, sealers: ['0x1111111111111111111111111111111111111111'] }))
    const berlin = genesisHash(
      buildGenesis({ chainId: 1, sealers: ['0x1111111111111111111111111111111111111111'], hardfork: 'berlin' }),
    )
    assert.equal(london.header.length, 16)
    assert.equal(london.header[15], '0x3b9aca00')
    assert.equal(berlin.header.length, 15)
  })

  it('refuses shanghai with CLIQUE_GENESIS_FORK_UNSUPPORTED', () => {
    assert.throws(
      () => genesisHash({ ...seed, config: { ...seed.config, shanghaiTime: 0 } }),
      (error: unknown) =>
        error instanceof CliqueError &&
        error.code === 'CLIQUE_GENESIS_FORK_UNSUPPORTED' &&
        error.path === 'config.shanghaiTime',
    )
  })
})
