import assert from 'node:assert/strict'
import { ChainopsError, isChainopsError } from '../errors/ChainopsError.ts'
import { Secret } from '../secrets/Secret.ts'
import { createLogger } from './createLogger.ts'

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
})
