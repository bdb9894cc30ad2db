import assert from 'node:assert/strict'
import { ChainopsError } from '../errors/ChainopsError.ts'
import { Secret } from '../secrets/Secret.ts'
import { redact } from './redact.ts'

describe('redact', () => {
  it('replaces Secrets and secret-named fields at any depth, arrays included', () => {
    assert.deepEqual(
      redact({
        user: 'ops',
        token: new Secret('t0k3n'),
        nested: { deeper: [{ Password: 'hunter2', ok: 1 }], apiKey: 'k' },
        macaroon: undefined,
      }),
      {
        user: 'ops',
        token: '[redacted]',
        nested: { deeper: [{ Password: '[redacted]', ok: 1 }], apiKey: '[redacted]' },
      },
    )
  })

  it('turns bigints, bytes, dates, maps, sets and toJSON objects into plain JSON', () => {
    assert.deepEqual(
      redact({
        wei: 10n ** 18n,
        bytes: new Uint8Array(32),
        at: new Date(0),
        map: new Map<string, unknown>([
          ['seedPhrase', 'x'],
          ['n', 1n],
        ]),
        set: new Set([1, 2]),
        rate: { toJSON: () => '1/100' },
        skipped: () => 1,
        inf: Number.POSITIVE_INFINITY,
      }),
      {
        wei: '1000000000000000000',
        bytes: '[32 bytes]',
        at: '1970-01-01T00:00:00.000Z',
        map: { seedPhrase: '[redacted]', n: '1' },
        set: [1, 2],
        rate: '1/100',
        inf: 'Infinity',
      },
    )
  })

  it('hides a URL password and cuts cycles', () => {
    const loop: Record<string, unknown> = { name: 'loop' }
    loop['self'] = loop
    assert.deepEqual(redact({ url: new URL('https://user:pw@example.test/x'), loop }), {
      url: 'https://user:%5Bredacted%5D@example.test/x',
      loop: { name: 'loop', self: '[circular]' },
    })
  })

  it('serialises errors as name, code, shortMessage, details and cause', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10009'), {
      code: 'ECONNREFUSED',
      password: 'p',
    })
    const error = new ChainopsError({
      code: 'LND_UNREACHABLE',
      shortMessage: 'LND is unreachable',
      details: 'at 127.0.0.1:10009',
      cause: root,
    })
    assert.deepEqual(redact(error), {
      name: 'ChainopsError',
      code: 'LND_UNREACHABLE',
      shortMessage: 'LND is unreachable',
      details: 'at 127.0.0.1:10009',
      cause: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:10009' },
    })
  })
})
