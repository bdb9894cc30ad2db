import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { english, generateMnemonic } from 'viem/accounts'
import { ChainopsError } from '../errors/ChainopsError.ts'
import { isChainopsError } from '../errors/isChainopsError.ts'
import { Secret } from '../secrets/Secret.ts'
import { createLogger } from './createLogger.ts'

/** trezor/python-mnemonic's BIP-39 vectors (../shared/vectors/README.md): [entropy, phrase, seed, xprv]. */
const bip39Vectors = (
  JSON.parse(readFileSync(new URL('../../../../../shared/vectors/bip39/vectors.json', import.meta.url), 'utf8')) as {
    english: [string, string, string, string][]
  }
).english

// BIP-39 vector phrase (trezor/python-mnemonic), a well-known test private key, and an lnd macaroon's shape
const mnemonic = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const privateKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'
const macaroon = `0201036c6e6402f801030a10${'9f3c'.repeat(64)}`

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'debug') {
  const lines: string[] = []
  const logger = createLogger({
    level,
    sink: (line) => lines.push(line),
    now: () => new Date(Date.UTC(2025, 0, 2, 3, 4, 5)),
  })
  return { logger, lines }
}

describe('createLogger', () => {
  it('writes one JSON line per record with time, level, message, bindings and fields', () => {
    const { logger, lines } = capture()
    logger.child({ service: 'minter' }).info('minted', { sats: 21n, address: '0xabc' })
    assert.deepEqual(lines, [
      '{"time":"2025-01-02T03:04:05.000Z","level":"info","msg":"minted","service":"minter","sats":"21","address":"0xabc"}',
    ])
  })

  it('drops records below its level and reports which levels are enabled', () => {
    const { logger, lines } = capture('warn')
    logger.debug('d')
    logger.info('i')
    logger.warn('w')
    logger.error('e')
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).msg),
      ['w', 'e'],
    )
    assert.equal(logger.isLevelEnabled('info'), false)
    assert.equal(logger.isLevelEnabled('error'), true)
    assert.equal(logger.child({ a: 1 }).level, 'warn')
  })

  it('children stack bindings, the child winning, and reserved keys do not overwrite the record', () => {
    const { logger, lines } = capture()
    logger.child({ a: 1, b: 1 }).child({ b: 2 }).info('m', { level: 'fake', c: 3 })
    assert.deepEqual(JSON.parse(lines[0] ?? ''), {
      time: '2025-01-02T03:04:05.000Z',
      level: 'info',
      msg: 'm',
      a: 1,
      b: 2,
      _level: 'fake',
      c: 3,
    })
  })

  it('refuses an unknown level with LOGGER_INVALID_LEVEL', () => {
    assert.throws(
      () => createLogger({ level: 'trace' as 'info' }),
      (error) => isChainopsError(error, 'LOGGER_INVALID_LEVEL'),
    )
  })

  it('never lets a mnemonic, a private key or a macaroon reach the sink', () => {
    const { logger, lines } = capture()
    const child = logger.child({ wallet: { mnemonic }, lnd: { macaroon: new Secret(macaroon) } })
    child.info(`restoring ${mnemonic}`, {
      key: new Secret(privateKey),
      signer: { privateKey, nested: [{ MNEMONIC: mnemonic, seed: new Uint8Array(64) }] },
      headers: { Authorization: `Bearer ${macaroon}`, 'Grpc-Metadata-macaroon': macaroon },
      note: `user typed ${mnemonic} oops`,
    })
    const lndError = new Error(`lnd refused macaroon ${macaroon} for key ${privateKey}`)
    const walletError = new Error(`invalid mnemonic ${mnemonic}`, { cause: lndError })
    const failure = new ChainopsError({
      code: 'MINT_FAILED',
      shortMessage: 'Mint failed',
      details: `signer ${new Secret(privateKey)}`,
      cause: walletError,
    })
    child.error('mint failed', { err: failure, raw: [503, 'UnexpectedError', { err: lndError }] })

    assert.equal(lines.length, 2)
    const output = lines.join('\n')
    for (const word of ['legal winner', 'sausage', '4c0883a69102937d', '0201036c6e64', '9f3c9f3c']) {
      assert.ok(!output.includes(word), `${word} leaked: ${output}`)
    }
    const error = JSON.parse(lines[1] ?? '')
    assert.deepEqual(error.err, {
      name: 'ChainopsError',
      code: 'MINT_FAILED',
      shortMessage: 'Mint failed',
      details: 'signer [redacted]',
      cause: {
        name: 'Error',
        message: 'invalid mnemonic [redacted]',
        cause: { name: 'Error', message: 'lnd refused macaroon [redacted] for key [redacted]' },
      },
    })
    assert.deepEqual(error.wallet, { mnemonic: '[redacted]' })
    assert.deepEqual(JSON.parse(lines[0] ?? '').note, 'user typed [redacted] oops')
  })

  it('redacts a private key, a seed and an xprv by their shape under any field name and in the message', () => {
    const { logger, lines } = capture()
    const [entropy, , seed, xprv] = bip39Vectors.find(([e]) => e.length === 64) ?? []
    assert.ok(entropy && seed && xprv)
    const bare = privateKey.slice(2)
    logger.info(`signing with ${privateKey}`, {
      note: privateKey,
      memo: bare,
      nested: { value: [`key=${bare}`, { raw: `0x${entropy}` }] },
      map: new Map([['x', seed]]),
      extended: `restored ${xprv}`,
    })
    assert.deepEqual(JSON.parse(lines[0] ?? ''), {
      time: '2025-01-02T03:04:05.000Z',
      level: 'info',
      msg: 'signing with [redacted]',
      note: '[redacted]',
      memo: '[redacted]',
      nested: { value: ['key=[redacted]', { raw: '[redacted]' }] },
      map: { x: '[redacted]' },
      extended: 'restored [redacted]',
    })
  })

  it('redacts a BIP-39 phrase of 12, 15, 18, 21 or 24 words in the message and in any string field', () => {
    const phrases = [
      ...bip39Vectors.map(([, phrase]) => phrase),
      generateMnemonic(english, 160),
      generateMnemonic(english, 224),
    ]
    assert.deepEqual(
      [...new Set(phrases.map((phrase) => phrase.split(' ').length))].sort((a, b) => a - b),
      [12, 15, 18, 21, 24],
    )
    for (const phrase of phrases) {
      const { logger, lines } = capture()
      logger.warn(`user typed ${phrase} in the memo`, {
        memo: phrase,
        upper: phrase.toUpperCase(),
        list: [`mnemonic=${phrase.replaceAll(' ', ',')}`],
        txHash: phrase, // a hash field name keeps hex, never a phrase
      })
      assert.deepEqual(JSON.parse(lines[0] ?? ''), {
        time: '2025-01-02T03:04:05.000Z',
        level: 'warn',
        msg: 'user typed [redacted] in the memo',
        memo: '[redacted]',
        upper: '[redacted]',
        list: ['mnemonic=[redacted]'],
        txHash: '[redacted]',
      })
    }
  })

  it('keeps the transaction, payment and block hashes the issuance code logs', () => {
    const { logger, lines } = capture()
    const paymentHash = 'b9f6c5d4e3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6'
    const txHash = `0x${'e3'.repeat(32)}`
    const blockHash = `0x${'7a'.repeat(32)}`
    const minter = logger.child({ component: 'minter', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' })
    minter.info('minted', { paymentHash, nonce: '0', txHash, block: '7' })
    minter.info('invoice settled', { paymentHash, settleIndex: '3', via: 'subscription' })
    minter.error('mint failed; the payment needs an operator', {
      paymentHash,
      code: 'MINT_REVERTED',
      reason: `the mint transaction ${txHash} reverted in block 7`,
    })
    minter.info('seen', { blockHash, parentHash: blockHash, hashes: [txHash], messageId: paymentHash, hash: txHash })
    minter.warn(`tx ${txHash} is not mined yet`)
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const bindings = { component: 'minter', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }
    const at = { time: '2025-01-02T03:04:05.000Z' }
    assert.deepEqual(records, [
      { ...at, level: 'info', msg: 'minted', ...bindings, paymentHash, nonce: '0', txHash, block: '7' },
      { ...at, level: 'info', msg: 'invoice settled', ...bindings, paymentHash, settleIndex: '3', via: 'subscription' },
      {
        ...at,
        level: 'error',
        msg: 'mint failed; the payment needs an operator',
        ...bindings,
        paymentHash,
        code: 'MINT_REVERTED',
        reason: `the mint transaction ${txHash} reverted in block 7`,
      },
      {
        ...at,
        level: 'info',
        msg: 'seen',
        ...bindings,
        blockHash,
        parentHash: blockHash,
        hashes: [txHash],
        messageId: paymentHash,
        hash: txHash,
      },
      { ...at, level: 'warn', msg: `tx ${txHash} is not mined yet`, ...bindings },
    ])
  })

  it('keeps a hash in a ChainopsError that labels it, and redacts a key in one', () => {
    const { logger, lines } = capture()
    const txHash = `0x${'e3'.repeat(32)}`
    logger.error('failed', {
      err: new ChainopsError({
        code: 'MINT_REVERTED',
        shortMessage: 'Mint reverted',
        details: `transaction ${txHash} reverted; signer ${privateKey}`,
      }),
    })
    assert.equal(
      (JSON.parse(lines[0] ?? '') as { err: { details: string } }).err.details,
      `transaction ${txHash} reverted; signer [redacted]`,
    )
  })
})
