import { constants, type KeyObject, publicEncrypt } from 'node:crypto'
import type { Secret } from '@chainops/core'

/**
 * A share encrypted to its operator as the SSV node decrypts it: RSA PKCS#1 v1.5 over the ASCII
 * text `0x` + 64 lowercase hex digits of the share. 256 bytes for an RSA-2048 key.
 */
export function encryptShare(share: Secret<Uint8Array>, operatorKey: KeyObject): Uint8Array {
  const text = Buffer.from(`0x${Buffer.from(share.reveal()).toString('hex')}`, 'ascii')
  try {
    return new Uint8Array(publicEncrypt({ key: operatorKey, padding: constants.RSA_PKCS1_PADDING }, text))
  } finally {
    text.fill(0)
  }
}
