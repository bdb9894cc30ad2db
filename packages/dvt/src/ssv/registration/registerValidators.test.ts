import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { Secret } from '@chainops/core'
import { createPublicClient, createWalletClient, custom, type Hex, keccak256, toHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { buildKeyShares } from '../shares/buildKeyShares.ts'
import { encodeOperatorKey } from '../shares/encodeOperatorKey.ts'
import type { KeySharesFile } from '../shares/KeySharesFile.ts'
import { registerValidators } from './registerValidators.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'

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

/** A node with no SSVNetwork event (owner nonce 0) that refuses everything but log scans; every call is recorded. */
function clients() {
  const calls: string[] = []
  const transport = custom({
    async request({ method }: { method: string }) {
      calls.push(method)
      if (method === 'eth_chainId') return '0xae5'
      if (method === 'eth_getLogs') return []
      throw new Error(`the test node refuses ${method}`)
    },
  })
  return {
    calls,
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
    assert.deepEqual(calls, ['eth_getLogs'], 'only the nonce scan')
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
      calls.every((method) => method === 'eth_getLogs'),
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
