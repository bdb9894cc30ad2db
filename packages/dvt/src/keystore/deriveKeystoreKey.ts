import { pbkdf2, scrypt } from 'node:crypto'
import type { Secret } from '@chainops/core'
import type { Keystore } from './Keystore.ts'

/**
 * The 32-byte EIP-2335 decryption key from the normalised password, with node:crypto's async
 * scrypt or PBKDF2-HMAC-SHA256: the work runs on libuv's thread pool, the event loop stays free.
 */
export function deriveKeystoreKey(kdf: Keystore['crypto']['kdf'], password: Secret<Uint8Array>): Promise<Uint8Array> {
  const salt = Buffer.from(kdf.params.salt, 'hex')
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, key: Buffer) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.length))
    if (kdf.function === 'scrypt') {
      const { n, r, p, dklen } = kdf.params
      // node's default maxmem (32 MiB) refuses the EIP's n = 2^18, r = 8 (256 MiB): allow what the parameters need.
      scrypt(password.reveal(), salt, dklen, { N: n, r, p, maxmem: 128 * n * r * p + 2 ** 24 }, done)
    } else {
      pbkdf2(password.reveal(), salt, kdf.params.c, kdf.params.dklen, 'sha256', done)
    }
  })
}
