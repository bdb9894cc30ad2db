import assert from 'node:assert/strict'
import { type Hex, keccak256, stringToBytes } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { SafeError } from './SafeError.ts'
import { verifySafeSignature } from './verifySafeSignature.ts'

const account = (label: string) => privateKeyToAccount(keccak256(stringToBytes(`chainops-test-verify-${label}`)))
const [a, b, outsider] = [account('a'), account('b'), account('outsider')]
const owners = [a.address, b.address]
const safeTxHash = keccak256(stringToBytes('a safe transaction'))

function withV(signature: Hex, v: number): Hex {
  return `${signature.slice(0, 130)}${v.toString(16).padStart(2, '0')}` as Hex
}

function code(expected: string) {
  return (error: unknown) => error instanceof SafeError && error.code === expected
}

describe('verifySafeSignature', () => {
  it('accepts an owner signature of the hash (v 27/28)', async () => {
    const signature = await a.sign({ hash: safeTxHash })
    await verifySafeSignature({ owners, safeTxHash, signer: a.address, signature })
  })

  it('accepts an eth_sign signature of the hash with v + 4 (v 31/32), as Safe encodes it', async () => {
    const signature = await a.signMessage({ message: { raw: safeTxHash } })
    const v = Number.parseInt(signature.slice(130), 16)
    await verifySafeSignature({ owners, safeTxHash, signer: a.address, signature: withV(signature, v + 4) })
  })

  it('refuses a signer that is not an owner with SAFE_SIGNER_NOT_OWNER', async () => {
    const signature = await outsider.sign({ hash: safeTxHash })
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: outsider.address, signature }),
      code('SAFE_SIGNER_NOT_OWNER'),
    )
  })

  it("refuses one owner's signature claimed for another, another hash, and malformed bytes", async () => {
    const byA = await a.sign({ hash: safeTxHash })
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: b.address, signature: byA }),
      code('SAFE_SIGNATURE_MISMATCH'),
    )
    const otherHash = await a.sign({ hash: keccak256(stringToBytes('another')) })
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: a.address, signature: otherHash }),
      code('SAFE_SIGNATURE_MISMATCH'),
    )
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: a.address, signature: '0x1234' }),
      code('SAFE_SIGNATURE_MISMATCH'),
    )
  })

  it('accepts a pre-validated signature (v 1) only from an owner who approved the hash on chain', async () => {
    const preValidated = `0x${a.address.slice(2).toLowerCase().padStart(64, '0')}${'0'.repeat(64)}01` as Hex
    await verifySafeSignature({
      owners,
      safeTxHash,
      signer: a.address,
      signature: preValidated,
      approvedBy: [a.address],
    })
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: a.address, signature: preValidated, approvedBy: [] }),
      code('SAFE_SIGNATURE_MISMATCH'),
    )
  })

  it('refuses contract signatures (v 0)', async () => {
    const signature = withV(await a.sign({ hash: safeTxHash }), 0)
    await assert.rejects(
      verifySafeSignature({ owners, safeTxHash, signer: a.address, signature }),
      code('SAFE_SIGNATURE_MISMATCH'),
    )
  })
})
