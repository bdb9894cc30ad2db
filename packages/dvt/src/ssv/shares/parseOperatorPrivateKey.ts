import { createPrivateKey, type KeyObject } from 'node:crypto'
import { SsvSharesError } from './SsvSharesError.ts'

export type ParseOperatorPrivateKeyParameters = {
  /** The operator id, named in the error. */
  operatorId: number
  /** A PEM RSA private key (PKCS#1 or PKCS#8), or that PEM in base64 as SSV nodes store it. */
  privateKey: string
}

/** An operator's RSA private key (for checking that shares decrypt). Throws `SSV_SHARES_OPERATOR_PRIVATE_KEY`. */
export function parseOperatorPrivateKey(parameters: ParseOperatorPrivateKeyParameters): KeyObject {
  const { operatorId } = parameters
  const text = parameters.privateKey.trim()
  const pem = text.startsWith('-----') ? text : Buffer.from(text, 'base64').toString('utf8')
  let key: KeyObject | undefined
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch {
    // The cause is left out on purpose: OpenSSL's message may quote the key material.
  }
  if (key?.asymmetricKeyType !== 'rsa')
    throw new SsvSharesError({
      code: 'SSV_SHARES_OPERATOR_PRIVATE_KEY',
      shortMessage: `operator ${operatorId}: not a PEM RSA private key`,
      details: 'expected "-----BEGIN RSA PRIVATE KEY-----" or "-----BEGIN PRIVATE KEY-----" (or its base64)',
    })
  return key
}
