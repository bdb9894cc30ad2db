import { createHash, hkdfSync } from 'node:crypto'

const CHUNKS = 255
const OKM_LENGTH = CHUNKS * 32

function lamportPKHashes(ikm: Uint8Array, salt: Uint8Array, out: Uint8Array, offset: number): void {
  const lamportSK = new Uint8Array(hkdfSync('sha256', ikm, salt, new Uint8Array(0), OKM_LENGTH))
  for (let i = 0; i < CHUNKS; i++) {
    out.set(
      createHash('sha256')
        .update(lamportSK.subarray(i * 32, i * 32 + 32))
        .digest(),
      offset + i * 32,
    )
  }
  lamportSK.fill(0)
}

/**
 * EIP-2333 `parent_SK_to_lamport_PK`: two Lamport secret keys from HKDF-SHA256 of the parent key
 * and of its bit-flip (salt: the index as 4 bytes big-endian), each of 255 chunks hashed, and
 * SHA256 of the 510 hashes: the 32-byte compressed Lamport public key.
 */
export function parentSKToLamportPK(parentSK: Uint8Array, index: number): Uint8Array {
  const salt = new Uint8Array(4)
  new DataView(salt.buffer).setUint32(0, index)
  const notIkm = parentSK.map((byte) => ~byte & 0xff)
  const lamportPK = new Uint8Array(2 * OKM_LENGTH)
  try {
    lamportPKHashes(parentSK, salt, lamportPK, 0)
    lamportPKHashes(notIkm, salt, lamportPK, OKM_LENGTH)
    return new Uint8Array(createHash('sha256').update(lamportPK).digest())
  } finally {
    notIkm.fill(0)
    lamportPK.fill(0)
  }
}
