import type { KeyObject } from 'node:crypto'

/**
 * An RSA public key in the form SSV hands operator keys out (and ssv-keys reads them): the SPKI
 * DER as base64 in 64-character lines between `RSA PUBLIC KEY` PEM markers, all of it base64 again.
 */
export function encodeOperatorKey(publicKey: KeyObject): string {
  const body = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
  const lines = body.match(/.{1,64}/g) ?? []
  const pem = `-----BEGIN RSA PUBLIC KEY-----\n${lines.join('\n')}\n-----END RSA PUBLIC KEY-----\n`
  return Buffer.from(pem, 'utf8').toString('base64')
}
