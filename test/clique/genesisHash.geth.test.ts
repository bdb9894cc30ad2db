import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { buildGenesis, deterministicDeploymentProxy, genesisHash, parseGenesis, toGenesisJson } from '@chainops/clique'
import { gethInitHash } from '@chainops/testkit'
import { type Hex, parseEther } from 'viem'

const seedText = readFileSync(new URL('../../packages/clique/test/fixtures/seed-genesis.json', import.meta.url), 'utf8')

const sealers = [
  '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf',
  '0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF',
  '0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69',
]
// Enough accounts that the state trie has branch, extension and inlined nodes.
const manyAccounts = Object.fromEntries(
  Array.from({ length: 40 }, (_, i) => [
    `0x${(i * 7919 + 1).toString(16).padStart(40, '0')}`,
    { balance: BigInt(i) * 10n ** 15n },
  ]),
)

const cases: [string, () => string][] = [
  ['the seed genesis as written in the source document', () => seedText],
  [
    'a minimal london genesis from buildGenesis',
    () => JSON.stringify(toGenesisJson(buildGenesis({ chainId: 1337, sealers: [sealers[0] as string] }))),
  ],
  [
    'the corrected plan: 3 sealers, 30 billion coins, predeployed CREATE2 factory',
    () =>
      JSON.stringify(
        toGenesisJson(
          buildGenesis({
            chainId: 2789,
            sealers,
            period: 5,
            gasLimit: 105_000_000n,
            alloc: { '0x96676ec1894Aa23B9BeB5b5cf35795Af02c7907a': { balance: parseEther('30000000000') } },
            predeploys: [deterministicDeploymentProxy],
          }),
        ),
      ),
  ],
  [
    'berlin, with code, storage (zero and non-zero words), nonces and 40 more accounts',
    () =>
      JSON.stringify(
        toGenesisJson(
          buildGenesis({
            chainId: 4242,
            sealers,
            hardfork: 'berlin',
            alloc: {
              ...manyAccounts,
              '0x00000000000000000000000000000000000000aa': {
                balance: 0n,
                nonce: 7n,
                code: '0x600160005401600055',
                storage: {
                  '0x00': '0x2a',
                  '0x01': '0x00',
                  [`0x${'ff'.repeat(32)}` as Hex]: `0x${'ab'.repeat(32)}` as Hex,
                },
              },
            },
          }),
        ),
      ),
  ],
  [
    'a hand-written london file with decimal quantities, a custom base fee and gasLimit 0',
    () =>
      JSON.stringify({
        config: {
          chainId: 9,
          homesteadBlock: 0,
          eip150Block: 0,
          eip155Block: 0,
          eip158Block: 0,
          byzantiumBlock: 0,
          constantinopleBlock: 0,
          petersburgBlock: 0,
          istanbulBlock: 0,
          berlinBlock: 0,
          londonBlock: 0,
          clique: { period: 1, epoch: 10 },
        },
        timestamp: '1700000000',
        gasLimit: '0',
        difficulty: '1',
        baseFeePerGas: '7',
        extraData: `0x${'00'.repeat(32)}${(sealers[1] as string).slice(2)}${'00'.repeat(65)}`,
        alloc: { [(sealers[1] as string).slice(2)]: { balance: '1000000000000000000000' } },
      }),
  ],
]

describe('genesisHash against the real geth binary @integration', () => {
  for (const [name, make] of cases) {
    it(`equals the hash geth init writes for ${name}`, async () => {
      const json = make()
      const expected = await gethInitHash(json)
      assert.equal(genesisHash(parseGenesis(json)).hash, expected)
    })
  }
})
