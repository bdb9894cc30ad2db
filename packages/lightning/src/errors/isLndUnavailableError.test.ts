import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { isLndUnavailableError } from './isLndUnavailableError.ts'

// Shapes seen from lnd v0.21.3 through lightning 12.5.0 (stopped node, starting node, bad macaroon).
const cases: [string, unknown, boolean][] = [
  [
    'connection refused (gRPC 14)',
    [
      503,
      'UnexpectedLookupInvoiceErr',
      { err: { code: 14, details: 'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:1' } },
    ],
    true,
  ],
  [
    'dropped stream (gRPC 14)',
    [503, 'UnexpectedInvoiceSubscriptionError', { err: { code: 14, details: 'Connection dropped' } }],
    true,
  ],
  [
    'deadline exceeded (gRPC 4)',
    [503, 'UnexpectedGetChannelsError', { err: { code: 4, details: 'Deadline exceeded' } }],
    true,
  ],
  [
    'lnd still starting (gRPC 2)',
    [
      503,
      'AddInvoiceError',
      {
        err: { code: 2, details: 'the RPC server is in the process of starting up, but not yet ready to accept calls' },
      },
    ],
    true,
  ],
  ['permission denied (gRPC 2)', [503, 'AddInvoiceError', { err: { code: 2, details: 'permission denied' } }], false],
  [
    'invoice not found (gRPC 5)',
    [503, 'UnexpectedLookupInvoiceErr', { err: { code: 5, details: 'unable to locate invoice' } }],
    false,
  ],
  ['a bad argument', [400, 'ExpectedIdToGetInvoiceDetails'], false],
  ['not a lightning error', new Error('x'), false],
]

describe('isLndUnavailableError', () => {
  for (const [name, error, expected] of cases)
    it(`${expected ? 'retries' : 'does not retry'} ${name}`, () => assert.equal(isLndUnavailableError(error), expected))
})
