import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { Secret } from '@chainops/core'
import {
  type AbiEvent,
  createPublicClient,
  createWalletClient,
  custom,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  keccak256,
  numberToHex,
  pad,
  toHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { buildKeyShares } from '../shares/buildKeyShares.ts'
import { encodeOperatorKey } from '../shares/encodeOperatorKey.ts'
import type { KeySharesFile } from '../shares/KeySharesFile.ts'
import { registerValidators } from './registerValidators.ts'
import type { SsvCluster } from './SsvCluster.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

// Public-label test key (recomputable by anyone, never holding value).
const ownerKey = keccak256(toHex('chainops-test-ssv-register-validators-owner'))
const owner = privateKeyToAccount(ownerKey)
const contract = '0x000000000000000000000000000000000000c0de' as const
const operators = [1, 2, 3, 4].map((id) => ({
  id,
  operatorKey: encodeOperatorKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey),
}))
const secret = (label: string) => {
  const bytes = keccak256(toHex(`chainops-test-ssv-register-validators-${label}`), 'bytes')
  bytes[0] = 0x01 // below the BLS curve order
  return new Secret(bytes)
}
const file = (ownerNonce: number, ownerAddress: string = owner.address): KeySharesFile =>
  buildKeyShares({
    validators: [{ secret: secret('a') }, { secret: secret('b') }],
    operators,
    ownerAddress,
    ownerNonce,
  })

/** A node at block 100 with no SSVNetwork event (owner nonce 0) that refuses everything but log scans; every call is recorded. */
function clients() {
  const calls: string[] = []
  const toBlocks: unknown[] = []
  const transport = custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      calls.push(method)
      if (method === 'eth_chainId') return '0xae5'
      if (method === 'eth_blockNumber') return '0x64'
      if (method === 'eth_getLogs') {
        toBlocks.push((params as [{ toBlock: unknown }])[0].toBlock)
        return []
      }
      throw new Error(`the test node refuses ${method}`)
    },
  })
  return {
    calls,
    toBlocks,
    publicClient: createPublicClient({ transport }),
    walletClient: createWalletClient({ account: owner, transport }),
  }
}

const isCode = (code: string, pattern?: RegExp) => (error: unknown) =>
  error instanceof SsvRegistrationError &&
  error.code === code &&
  (!pattern || pattern.test(`${error.shortMessage}\n${error.details ?? ''}`)) &&
  !JSON.stringify(error).includes(ownerKey.slice(2))

describe('registerValidators refuses before sending anything', () => {
  it('a file built for a stale nonce: SSV_REGISTRATION_STALE_NONCE naming expected and found', async () => {
    const { calls, publicClient, walletClient } = clients()
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: file(3), amount: 0n }),
      isCode('SSV_REGISTRATION_STALE_NONCE', /expected 0, found 3/),
    )
    assert.deepEqual(calls, ['eth_blockNumber', 'eth_getLogs'], 'only the height and the nonce scan')
  })

  it('a file for another owner, a mixed-cluster file, a file that fails verifyShares', async () => {
    const { calls, publicClient, walletClient } = clients()
    const other = file(0, '0x1111111111111111111111111111111111111111')
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: other, amount: 0n }),
      isCode('SSV_REGISTRATION_KEYSHARES', /for owner 0x1111/),
    )
    const mixed = file(0)
    const second = mixed.shares[1]
    if (second) second.payload.operatorIds = [1, 2, 3, 5]
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: mixed, amount: 0n }),
      isCode('SSV_REGISTRATION_KEYSHARES', /one registration is one cluster/),
    )
    const tampered = file(0)
    const first = tampered.shares[0]
    if (first)
      first.payload.sharesData =
        `0x${first.payload.sharesData.slice(2, 4) === 'ff' ? '00' : 'ff'}${first.payload.sharesData.slice(4)}` as Hex
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: JSON.stringify(tampered), amount: 0n }),
      isCode('SSV_REGISTRATION_KEYSHARES', /SIGNATURE_INVALID/),
    )
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: '{"shares": 1}', amount: 0n }),
      isCode('SSV_REGISTRATION_KEYSHARES', /not in the ssv-keys v1.1 format/),
    )
    assert.ok(
      calls.every((method) => method === 'eth_getLogs' || method === 'eth_blockNumber'),
      `only log scans: ${calls.join(', ')}`,
    )
  })

  it('an amount for an unknown contract without a token, or an amount out of range', async () => {
    const { calls, publicClient, walletClient } = clients()
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: file(0), amount: 1n }),
      isCode('SSV_REGISTRATION_INVALID_ARGUMENT', /name the SSV token/),
    )
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: file(0), amount: -1n }),
      isCode('SSV_REGISTRATION_INVALID_ARGUMENT'),
    )
    assert.deepEqual(calls, [])
  })
})

const token = '0x00000000000000000000000000000000000070c0' as const
const receiptCluster: SsvCluster = { validatorCount: 2, networkFeeIndex: 7n, index: 9n, active: true, balance: 5n }

/** A ValidatorAdded log of SSVNetwork, encoded as a node puts it in a receipt. */
function validatorAddedLog(publicKey: Hex, sharesData: Hex, logIndex: number) {
  const event = ssvNetworkAbi.find((item) => item.type === 'event' && item.name === 'ValidatorAdded') as AbiEvent
  const values: Record<string, unknown> = {
    operatorIds: [1n, 2n, 3n, 4n],
    publicKey,
    shares: sharesData,
    cluster: receiptCluster,
  }
  const body = event.inputs.filter((input) => !input.indexed)
  return {
    address: contract,
    topics: encodeEventTopics({ abi: [event], eventName: 'ValidatorAdded', args: { owner: owner.address } } as never),
    data: encodeAbiParameters(body, body.map((input) => values[input.name as string]) as never),
    blockNumber: '0x66',
    blockHash: pad('0x66'),
    logIndex: numberToHex(logIndex),
    transactionIndex: '0x0',
    transactionHash: pad('0xbb'),
    removed: false,
  }
}

/**
 * A node at block 100 that takes transactions: the owner has no SSV allowance and no event, the
 * first raw transaction (the approval) is hash 0xaa…, the second (the registration) 0xbb…, whose
 * receipt carries `receiptLogs`; `register` answers the registration's eth_call.
 */
function sendingClients(register: () => Hex, receiptLogs: unknown[]) {
  const calls: string[] = []
  const toBlocks: unknown[] = []
  const sent: Hex[] = []
  const transport = custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      calls.push(method)
      const [first] = (params ?? []) as [Record<string, unknown>?]
      switch (method) {
        case 'eth_chainId':
          return '0xae5'
        case 'eth_blockNumber':
          return '0x64'
        case 'eth_getLogs':
          toBlocks.push(first?.toBlock)
          return []
        case 'eth_call':
          return first?.to === token ? pad('0x0') : register()
        case 'eth_getTransactionCount':
          return numberToHex(sent.length)
        case 'eth_estimateGas':
          return '0x30000'
        case 'eth_maxPriorityFeePerGas':
          return '0x1'
        case 'eth_gasPrice':
          return '0x2'
        case 'eth_getBlockByNumber':
          return { number: '0x64', hash: pad('0x64'), baseFeePerGas: '0x1', timestamp: '0x1', transactions: [] }
        case 'eth_sendRawTransaction': {
          const hash = pad(sent.length === 0 ? '0xaa' : '0xbb')
          sent.push(hash)
          return hash
        }
        case 'eth_getTransactionReceipt': {
          const hash = (params as [Hex])[0]
          return {
            transactionHash: hash,
            blockNumber: '0x65',
            blockHash: pad('0x65'),
            transactionIndex: '0x0',
            from: owner.address,
            to: hash === pad('0xaa') ? token : contract,
            status: '0x1',
            gasUsed: '0x1',
            cumulativeGasUsed: '0x1',
            effectiveGasPrice: '0x1',
            type: '0x2',
            logsBloom: pad('0x0', { size: 256 }),
            logs: hash === pad('0xaa') ? [] : receiptLogs,
          }
        }
        default:
          throw new Error(`the test node refuses ${method}`)
      }
    },
  })
  return {
    calls,
    toBlocks,
    sent,
    publicClient: createPublicClient({ transport, pollingInterval: 10 }),
    walletClient: createWalletClient({ account: owner, transport }),
  }
}

describe('registerValidators on a node that takes transactions', () => {
  it('reads the nonce and the snapshot at one height, and returns the cluster of the receipt ValidatorAdded logs (no log scan after sending)', async () => {
    const keyShares = file(0)
    const logs = keyShares.shares.map((item, i) =>
      validatorAddedLog(item.payload.publicKey, item.payload.sharesData, i),
    )
    const { calls, toBlocks, sent, publicClient, walletClient } = sendingClients(() => '0x', logs)
    const result = await registerValidators({ walletClient, publicClient, contract, keyShares, amount: 5n, token })
    assert.equal(calls.filter((method) => method === 'eth_blockNumber').length >= 1, true)
    assert.ok(toBlocks.length >= 7, `the nonce scan and the six snapshot scans: ${toBlocks.length}`)
    assert.deepEqual(new Set(toBlocks), new Set(['0x64']), 'every scan ends at block 100')
    assert.equal(calls.lastIndexOf('eth_getLogs') < calls.indexOf('eth_sendRawTransaction'), true)
    assert.deepEqual(sent, [pad('0xaa'), pad('0xbb')])
    assert.equal(result.approvalTransactionHash, pad('0xaa'))
    assert.equal(result.transactionHash, pad('0xbb'))
    assert.equal(result.nextOwnerNonce, 2)
    assert.deepEqual(result.cluster, receiptCluster)
  })

  it('a registration receipt without one ValidatorAdded per validator: SSV_REGISTRATION_TRANSACTION_FAILED', async () => {
    const { publicClient, walletClient } = sendingClients(() => '0x', [])
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: file(0), amount: 0n }),
      isCode('SSV_REGISTRATION_TRANSACTION_FAILED', /0 ValidatorAdded event\(s\) from .*, 2 expected/),
    )
  })

  it('a registration refused after the approval was mined: the error names the approval, and does not say nothing was sent', async () => {
    const { sent, publicClient, walletClient } = sendingClients(() => {
      throw new Error('execution reverted')
    }, [])
    await assert.rejects(
      registerValidators({ walletClient, publicClient, contract, keyShares: file(0), amount: 5n, token }),
      (error: unknown) =>
        isCode(
          'SSV_REGISTRATION_TRANSACTION_FAILED',
          new RegExp(`approval of 5 .* in transaction ${pad('0xaa')}`),
        )(error) && !/nothing was sent/.test(String((error as SsvRegistrationError).details)),
    )
    assert.deepEqual(sent, [pad('0xaa')], 'only the approval')
    // Without an approval to send, nothing was.
    const quiet = sendingClients(() => {
      throw new Error('execution reverted')
    }, [])
    await assert.rejects(
      registerValidators({
        walletClient: quiet.walletClient,
        publicClient: quiet.publicClient,
        contract,
        keyShares: file(0),
        amount: 0n,
      }),
      isCode('SSV_REGISTRATION_TRANSACTION_FAILED', /not sent; nothing was sent/),
    )
    assert.deepEqual(quiet.sent, [])
  })
})
