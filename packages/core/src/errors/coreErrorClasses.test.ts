import assert from 'node:assert/strict'
import { inspect } from 'node:util'
import { EthersAdapterError } from '../ethers/EthersAdapterError.ts'
import { LoggerError } from '../logger/LoggerError.ts'
import { QueueError } from '../queue/QueueError.ts'
import { RpcProbeError } from '../rpc/RpcProbeError.ts'
import { SchemaValidationError } from '../schema/SchemaValidationError.ts'
import { SecretError } from '../secrets/SecretError.ts'
import { StoreError } from '../store/StoreError.ts'
import { RationalError } from '../units/RationalError.ts'
import { UnitsError } from '../units/UnitsError.ts'
import { ChainopsError } from './ChainopsError.ts'
import type { CoreErrorCode } from './CoreErrorCode.ts'
import { isChainopsError } from './isChainopsError.ts'

type Row = {
  name: string
  code: CoreErrorCode
  make: (cause: unknown) => ChainopsError
}

// one row per error class of @chainops/core, each built as the code that throws it builds it
const rows: Row[] = [
  {
    name: 'EthersAdapterError',
    code: 'ETHERS_CHAIN_MISMATCH',
    make: (cause) =>
      new EthersAdapterError({
        code: 'ETHERS_CHAIN_MISMATCH',
        shortMessage: 'the ethers provider is on chain 1, not 2789',
        details: 'd',
        cause,
      }),
  },
  {
    name: 'LoggerError',
    code: 'LOGGER_INVALID_LEVEL',
    make: (cause) =>
      new LoggerError({ code: 'LOGGER_INVALID_LEVEL', shortMessage: 'Invalid log level', details: 'd', cause }),
  },
  {
    name: 'QueueError',
    code: 'QUEUE_BUSY',
    make: (cause) => new QueueError({ code: 'QUEUE_BUSY', shortMessage: 'Queue is busy', details: 'd', cause }),
  },
  {
    name: 'RpcProbeError',
    code: 'RPC_PROBE_REFUSED',
    make: (cause) =>
      new RpcProbeError({
        code: 'RPC_PROBE_REFUSED',
        shortMessage: 'http://127.0.0.1:1/ refused the connection',
        details: 'd',
        cause,
      }),
  },
  {
    name: 'SecretError',
    code: 'SECRET_UNAVAILABLE',
    make: (cause) =>
      new SecretError({ code: 'SECRET_UNAVAILABLE', shortMessage: 'Secret could not be read', details: 'd', cause }),
  },
  {
    name: 'StoreError',
    code: 'STORE_BUSY',
    make: (cause) => new StoreError({ code: 'STORE_BUSY', shortMessage: 'Store is busy', details: 'd', cause }),
  },
  {
    name: 'RationalError',
    code: 'RATIONAL_INVALID',
    make: (cause) =>
      new RationalError({ code: 'RATIONAL_INVALID', shortMessage: 'Invalid rational', details: 'd', cause }),
  },
  {
    name: 'UnitsError',
    code: 'UNITS_INVALID_AMOUNT',
    make: (cause) =>
      new UnitsError({ code: 'UNITS_INVALID_AMOUNT', shortMessage: 'Invalid amount', details: 'd', cause }),
  },
]

describe('the error classes of @chainops/core', () => {
  for (const { name, code, make } of rows) {
    it(`${name} is a ChainopsError with its name, code ${code}, details and cause, and JSON without the cause`, () => {
      const cause = Object.assign(new Error('low level'), { code: 'EIO' })
      const error = make(cause)
      assert.ok(error instanceof ChainopsError)
      assert.ok(error instanceof Error)
      assert.equal(error.name, name)
      assert.equal(error.code, code)
      assert.ok(isChainopsError(error, code))
      assert.equal(error.details, 'd')
      assert.equal(error.cause, cause)
      assert.equal(error.walk(), cause)
      assert.equal(error.message, `${error.shortMessage} [${code}]\n\nDetails: d`)
      assert.deepEqual(error.toJSON(), { name, code, shortMessage: error.shortMessage, details: 'd' })
      assert.equal(
        JSON.stringify(error),
        JSON.stringify({ name, code, shortMessage: error.shortMessage, details: 'd' }),
      )
      assert.match(
        inspect(error),
        new RegExp(`^${name}: ${error.shortMessage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[${code}\\]`),
      )
      // without a cause there is none, not an undefined one
      assert.equal(Object.hasOwn(make(undefined), 'cause'), false)
    })
  }

  it('SchemaValidationError is a ChainopsError with the caller-chosen code, the issues, the cause, and JSON without the cause', () => {
    const cause = new Error('valibot')
    const issues = [
      { path: 'alloc.0x12.balance', expected: 'string', received: 'number' },
      { path: '', expected: 'object', received: 'array' },
    ]
    const error = new SchemaValidationError({ code: 'CONFIG_INVALID', what: 'config file', issues, cause })
    assert.ok(error instanceof ChainopsError)
    assert.ok(isChainopsError(error))
    assert.equal(error.name, 'SchemaValidationError')
    assert.equal(error.code, 'CONFIG_INVALID')
    assert.equal(error.shortMessage, 'Invalid config file')
    assert.equal(
      error.details,
      'alloc.0x12.balance: expected string, received number; (root): expected object, received array',
    )
    assert.deepEqual(error.issues, issues)
    assert.equal(error.cause, cause)
    assert.deepEqual(JSON.parse(JSON.stringify(error)), {
      name: 'SchemaValidationError',
      code: 'CONFIG_INVALID',
      shortMessage: 'Invalid config file',
      details: error.details,
    })
  })
})
