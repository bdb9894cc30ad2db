import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { DevnetError } from '../DevnetError.ts'
import { buildFaucetTransaction } from './buildFaucetTransaction.ts'
import { readTransactionOutputs } from './readTransactionOutputs.ts'
import { regtestFaucet } from './regtestFaucet.ts'
import { regtestOutputScript } from './regtestOutputScript.ts'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const hash160 = (data: Buffer) =>
  createHash('ripemd160').update(createHash('sha256').update(data).digest()).digest().toString('hex')

// Addresses from Bitcoin Core's functional tests (test/functional/feature_segwit.py):
// "2ND8PB9RrfCaAcjfjP1Y6nAgFd9zWHYX4DN is P2SH(OP_1)", "2N7naYWiG3M21cQWc3nJgPRq76v8AKtkYFs is
// P2SH(OP_0)", and mjoE3sSrb8ByYEvgnC3Aox86u1CHnfJA4V is P2PKH of the key 02341AEC…9E3D.
const CORE_P2SH_OP_1 = '2ND8PB9RrfCaAcjfjP1Y6nAgFd9zWHYX4DN'
const CORE_P2SH_OP_0 = '2N7naYWiG3M21cQWc3nJgPRq76v8AKtkYFs'
const CORE_P2PKH = 'mjoE3sSrb8ByYEvgnC3Aox86u1CHnfJA4V'
const CORE_P2PKH_KEY = '02341AEC7587A51CDE5279E0630A531AEA2615A9F80B17E8D9376327BAEAA59E3D'
// Bitcoin Core's test_framework/address.py: ADDRESS_BCRT1_P2WSH_OP_TRUE, P2WSH of the script OP_TRUE.
const CORE_BCRT1_P2WSH_OP_TRUE = 'bcrt1qft5p2uhsdcdc3l2ua4ap5qqfg4pjaqlp250x7us7a8qqhrxrxfsqseac85'
// A mainnet P2PKH address (version 0x00): the Bitcoin wiki's example of a valid address.
const MAINNET_P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'

describe('regtest faucet', () => {
  it("faucet address is Bitcoin Core's regtest P2SH(OP_TRUE) and spends with a push of OP_TRUE", () => {
    const faucet = regtestFaucet()
    assert.equal(faucet.address, CORE_P2SH_OP_1)
    assert.equal(hex(faucet.outputScript), `a914${hash160(Buffer.from([0x51]))}87`)
    assert.equal(hex(faucet.spendScript), '0151')
  })

  it('maps regtest P2SH and P2PKH addresses to their output scripts', () => {
    assert.equal(hex(regtestOutputScript(CORE_P2SH_OP_0)), `a914${hash160(Buffer.from([0x00]))}87`)
    assert.equal(hex(regtestOutputScript(CORE_P2PKH)), `76a914${hash160(Buffer.from(CORE_P2PKH_KEY, 'hex'))}88ac`)
  })

  it('maps a regtest bech32 (bcrt1) P2WSH address to its witness program', () => {
    const sha = createHash('sha256')
      .update(Buffer.from([0x51]))
      .digest('hex')
    assert.equal(hex(regtestOutputScript(CORE_BCRT1_P2WSH_OP_TRUE)), `0020${sha}`)
  })

  it('refuses a mainnet address, a testnet bech32 one, a bad checksum and a non-base58 character', () => {
    for (const address of [
      MAINNET_P2PKH,
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx',
      `${CORE_P2SH_OP_1.slice(0, -1)}M`,
      '2ND8PB9RrfCaAcjfjP1Y6nAgFd9zWHYX40N',
    ]) {
      assert.throws(
        () => regtestOutputScript(address),
        (error: unknown) => error instanceof DevnetError && error.code === 'DEVNET_BAD_OPTIONS',
      )
    }
  })

  it('serialises a faucet spend byte for byte as btcd v0.24.2 accepted it (same txid from btcd)', () => {
    const faucet = regtestFaucet()
    const tx = buildFaucetTransaction({
      inputs: [{ txid: '14d931c04d13a395eba6743372c245279eb42b5abfdf7cf3cb2f639a01c55f55', vout: 0 }],
      outputs: [{ script: faucet.outputScript, sats: 4_999_990_000n }],
    })
    assert.equal(
      tx.hex,
      '0200000001555fc5019a632fcbf37cdfbf5a2bb49e2745c2723374a6eb95a3134dc031d91400000000020151ffffffff01f0ca052a0100000017a914da1745e9b549bd0bfa1a569971c77eba30cd5a4b8700000000',
    )
    assert.equal(tx.txid, 'cba41b58d93151d7622033f2535b0773fccb6e03c51153189eb6e4e31f899c27')
  })

  it('spends every faucet input with the same scriptSig, outputs in the order given', () => {
    const faucet = regtestFaucet()
    const txid = '14d931c04d13a395eba6743372c245279eb42b5abfdf7cf3cb2f639a01c55f55'
    const tx = buildFaucetTransaction({
      inputs: [
        { txid, vout: 0 },
        { txid, vout: 1 },
      ],
      outputs: [
        { script: regtestOutputScript(CORE_P2PKH), sats: 1n },
        { script: faucet.outputScript, sats: 2n },
      ],
    })
    const input = (vout: string) =>
      `555fc5019a632fcbf37cdfbf5a2bb49e2745c2723374a6eb95a3134dc031d914${vout}020151ffffffff`
    assert.equal(
      tx.hex,
      `0200000002${input('00000000')}${input('01000000')}02` +
        `0100000000000000${'19'}${hex(regtestOutputScript(CORE_P2PKH))}` +
        `0200000000000000${'17'}${hex(faucet.outputScript)}00000000`,
    )
    assert.deepEqual(readTransactionOutputs(tx.hex), [
      { sats: 1n, scriptHex: hex(regtestOutputScript(CORE_P2PKH)) },
      { sats: 2n, scriptHex: hex(faucet.outputScript) },
    ])
  })

  it('refuses a raw transaction that does not parse with DEVNET_STATE', () => {
    assert.throws(
      () => readTransactionOutputs('0200000001'),
      (error: unknown) => error instanceof DevnetError && error.code === 'DEVNET_STATE',
    )
  })

  it('reads the outputs of a legacy coinbase and of a segwit lnd funding transaction', () => {
    // A regtest coinbase mined by btcd to the faucet.
    const coinbase =
      '01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff165108e8649c42c11f9d920b2f503253482f627463642fffffffff0100f2052a0100000017a914da1745e9b549bd0bfa1a569971c77eba30cd5a4b8700000000'
    assert.deepEqual(readTransactionOutputs(coinbase), [
      { sats: 5_000_000_000n, scriptHex: 'a914da1745e9b549bd0bfa1a569971c77eba30cd5a4b87' },
    ])
    // A channel funding transaction broadcast by lnd 0.21.3 (P2WSH channel output, P2TR change).
    const funding =
      '02000000000101660d9ab65897b9592f19f21ac3e8c632118958436945135eaff9e5bc89acd0e001000000171600141705827909c86938251119f006677a3c7a2416ca000000000220a1070000000000220020883211958cac80333c73e1b928146c557eafa8527ec4469cc197f720e93d4fb9951d0f00000000002251200432d2603804763673e6aad7fefd6d9fb488e4ac9bbe4da7aeaaab8d49ea541b0247304402206a7a20bac08fb138df3ba28a8c10028f98145a896cd3ea688c4dbba3c9238d12022059400044f19f291206b39522ff69ec119b2e105b0c790bb28f26c92c69e572d70121028c59e43ce56a07015b09cadcaf484cd88b686a9e1f1fd3ecc71230bc8f2f3d9f00000000'
    assert.deepEqual(readTransactionOutputs(funding), [
      { sats: 500_000n, scriptHex: '0020883211958cac80333c73e1b928146c557eafa8527ec4469cc197f720e93d4fb9' },
      { sats: 990_613n, scriptHex: '51200432d2603804763673e6aad7fefd6d9fb488e4ac9bbe4da7aeaaab8d49ea541b' },
    ])
  })
})
