import assert from 'node:assert/strict'
import { type Hex, serializeSignature } from 'viem'
import { privateKeyToAccount, sign } from 'viem/accounts'
import { CliqueError } from '../errors/CliqueError.ts'
import { type CliqueHeader, cliqueSealHash } from './cliqueSealHash.ts'
import { recoverSealer } from './recoverSealer.ts'

const KEY: Hex = `0x${'0'.repeat(63)}7`
const zero32: Hex = `0x${'00'.repeat(32)}`
const unsealed: CliqueHeader = {
  parentHash: zero32,
  sha3Uncles: '0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347',
  miner: '0x0000000000000000000000000000000000000000',
  stateRoot: zero32,
  transactionsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  receiptsRoot: '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421',
  logsBloom: `0x${'00'.repeat(256)}`,
  difficulty: 2n,
  number: 5n,
  gasLimit: 30_000_000n,
  gasUsed: 0n,
  timestamp: 1_700_000_000n,
  extraData: `0x${'00'.repeat(32)}${'00'.repeat(65)}`,
  mixHash: zero32,
  nonce: '0x0000000000000000',
  baseFeePerGas: 875_000_000n,
}

async function seal(header: CliqueHeader): Promise<CliqueHeader> {
  const signature = await sign({ hash: cliqueSealHash(header), privateKey: KEY })
  // Clique's seal is r || s || v with v in {0, 1} (geth's crypto.Sign), not Ethereum's 27/28.
  const rs = serializeSignature({ r: signature.r, s: signature.s, yParity: signature.yParity ?? 0 }).slice(2, 130)
  return { ...header, extraData: `0x${'00'.repeat(32)}${rs}0${signature.yParity ?? 0}` }
}

describe('recoverSealer', () => {
  it('recovers the key that signed the seal hash, with and without a base fee', async () => {
    const expected = privateKeyToAccount(KEY).address
    assert.equal(await recoverSealer(await seal(unsealed)), expected)
    assert.equal(await recoverSealer(await seal({ ...unsealed, baseFeePerGas: null })), expected)
  })

  it('ignores the seal itself when hashing (the hash of a sealed and unsealed header agree)', async () => {
    assert.equal(cliqueSealHash(await seal(unsealed)), cliqueSealHash(unsealed))
  })

  it('recovers a different signer when a sealed field is changed', async () => {
    const sealed = await seal(unsealed)
    assert.notEqual(await recoverSealer({ ...sealed, gasUsed: 1n }), privateKeyToAccount(KEY).address)
  })

  const bad: [string, Partial<CliqueHeader>][] = [
    ['an empty seal (the genesis block)', {}],
    ['an extraData shorter than a seal', { extraData: '0x00' }],
    ['a pending block without number', { number: null }],
  ]
  for (const [name, override] of bad) {
    it(`refuses ${name} with CLIQUE_SEAL_INVALID`, async () => {
      await assert.rejects(
        recoverSealer({ ...unsealed, ...override }),
        (e: unknown) => e instanceof CliqueError && e.code === 'CLIQUE_SEAL_INVALID',
      )
    })
  }
})
