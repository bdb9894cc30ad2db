import {
  type Address,
  getAddress,
  type Hash,
  type Hex,
  hexToNumber,
  isAddressEqual,
  keccak256,
  recoverAddress,
  slice,
  toPrefixedMessage,
} from 'viem'
import { SafeError } from './SafeError.ts'

export type VerifySafeSignatureParameters = {
  owners: readonly Address[]
  safeTxHash: Hash
  signer: Address
  /** 65 bytes r ‖ s ‖ v, as Safe encodes an owner's signature. */
  signature: Hex
  /** Owners that approved the hash on chain (`approveHash`), for pre-validated signatures. */
  approvedBy?: readonly Address[]
}

/**
 * Checks one owner signature the way `Safe.checkNSignatures` will, before anything is sent:
 * the signer is an owner, and the signature recovers to it (v 27/28: EIP-712 over the hash;
 * v 31/32: eth_sign of the hash; v 1: approved on chain). Contract signatures (v 0) are refused.
 */
export async function verifySafeSignature(parameters: VerifySafeSignatureParameters): Promise<void> {
  const { owners, safeTxHash, signature, approvedBy = [] } = parameters
  const signer = getAddress(parameters.signer)
  if (!owners.some((owner) => isAddressEqual(owner, signer))) {
    throw new SafeError({
      code: 'SAFE_SIGNER_NOT_OWNER',
      shortMessage: `${signer} is not an owner of this Safe`,
      details: `owners: ${owners.join(', ')}`,
    })
  }
  const mismatch = (details: string): never => {
    throw new SafeError({
      code: 'SAFE_SIGNATURE_MISMATCH',
      shortMessage: `the signature given for ${signer} is not its signature of ${safeTxHash}`,
      details,
    })
  }
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) mismatch('a signature is 65 bytes of hex')
  const v = hexToNumber(slice(signature, 64, 65))
  if (v === 1) {
    if (!approvedBy.some((owner) => isAddressEqual(owner, signer))) mismatch('no on-chain approval of the hash')
    return
  }
  let recovered: Address
  if (v === 27 || v === 28) {
    recovered = await recoverAddress({ hash: safeTxHash, signature })
  } else if (v === 31 || v === 32) {
    const ethSign = `${slice(signature, 0, 64)}${(v - 4).toString(16)}` as Hex
    recovered = await recoverAddress({ hash: keccak256(toPrefixedMessage({ raw: safeTxHash })), signature: ethSign })
  } else {
    return mismatch(`signature type v=${v} is not supported (only owner keys sign the reward Safe)`)
  }
  if (!isAddressEqual(recovered, signer)) mismatch(`it recovers to ${recovered} (wrong key or passphrase?)`)
}
