import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isChainopsError } from '@chainops/core'
import { DevnetError } from '../DevnetError.ts'
import { freePort } from '../process/freePort.ts'
import { tempDir } from '../process/tempDir.ts'
import { GethRpcError } from './GethRpcError.ts'
import { gethIpcRequest } from './gethIpcRequest.ts'
import { gethRpcRequest } from './gethRpcRequest.ts'

describe('GethRpcError and the geth request helpers', () => {
  it('an error answer is DEVNET_RPC_FAILED with the server’s code in rpcCode', () => {
    const error = new GethRpcError({ method: 'clique_getSigners', rpcCode: -32601, message: 'method not found' })
    assert.ok(error instanceof DevnetError)
    assert.equal(isChainopsError(error, 'DEVNET_RPC_FAILED'), true)
    assert.equal(error.name, 'GethRpcError')
    assert.equal(error.rpcCode, -32601)
    assert.equal(error.shortMessage, 'geth clique_getSigners answered an error: method not found (-32601)')
  })

  it('a port nobody listens on fails gethRpcRequest with DEVNET_RPC_FAILED and the cause', async () => {
    const url = `http://127.0.0.1:${await freePort()}`
    await assert.rejects(
      gethRpcRequest(url, 'eth_blockNumber'),
      (error: unknown) =>
        isChainopsError(error, 'DEVNET_RPC_FAILED') &&
        error.shortMessage === `geth eth_blockNumber on ${url} got no JSON-RPC answer` &&
        error.cause instanceof Error,
    )
  })

  it('a missing IPC socket fails gethIpcRequest with DEVNET_RPC_FAILED naming the socket', async () => {
    const dir = await tempDir('ipc-missing')
    const socket = join(dir, 'geth.ipc')
    try {
      await assert.rejects(
        gethIpcRequest(socket, 'miner_start'),
        (error: unknown) => isChainopsError(error, 'DEVNET_RPC_FAILED') && (error.details ?? '').includes(socket),
      )
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
