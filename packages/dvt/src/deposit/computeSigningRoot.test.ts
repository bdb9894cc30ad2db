import assert from 'node:assert/strict'
import { isChainopsError } from '@chainops/core'
import { bytesToHex } from 'viem'
import { computeDepositDomain } from './computeDepositDomain.ts'
import { computeSigningRoot } from './computeSigningRoot.ts'
import { DepositMessage } from './DepositMessage.ts'

const range = (n: number) => Uint8Array.from({ length: n }, (_, i) => i)

describe('computeSigningRoot', () => {
  // ethstaker-deposit 1.3.1: DepositMessage(pubkey=bytes(range(48)),
  // withdrawal_credentials=b'\x01' + bytes(11) + bytes(range(20)), amount=32 * 10**9), its
  // hash_tree_root and compute_signing_root(message, compute_deposit_domain(bytes(4))).
  const message = {
    pubkey: range(48),
    withdrawalCredentials: Uint8Array.from([1, ...new Uint8Array(11), ...range(20)]),
    amount: 32_000_000_000n,
  }

  it('the DepositMessage root is the one ethstaker-deposit computes', () => {
    assert.equal(
      bytesToHex(DepositMessage.hashTreeRoot(message)),
      '0x3f1ec307ec5e93ae82b453fed86efaacfb6b753148bafae10a29ce687f69ae3d',
    )
  })

  it('the signing root over the mainnet deposit domain is the one ethstaker-deposit computes', () => {
    const root = computeSigningRoot(DepositMessage.hashTreeRoot(message), computeDepositDomain('0x00000000'))
    assert.equal(bytesToHex(root), '0x2fed4d3801fdc87b83d2329255d84a94609ca3d686ea41830f9e4735d78ad504')
  })

  it('refuses a root or a domain that is not 32 bytes', () => {
    assert.throws(
      () => computeSigningRoot(new Uint8Array(31), new Uint8Array(32)),
      (e) => isChainopsError(e, 'DEPOSIT_INVALID_INPUT') && /31-byte root/.test(e.message),
    )
    assert.throws(
      () => computeSigningRoot(new Uint8Array(32), new Uint8Array(4)),
      (e) => isChainopsError(e, 'DEPOSIT_INVALID_INPUT') && /4-byte domain/.test(e.message),
    )
  })
})
