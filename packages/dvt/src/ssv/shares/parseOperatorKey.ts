import { createPublicKey, type KeyObject } from 'node:crypto'
import { SsvSharesError } from './SsvSharesError.ts'

const BEGIN = '-----BEGIN RSA PUBLIC KEY-----'
const END = '-----END RSA PUBLIC KEY-----'

export type ParseOperatorKeyParameters = {
  /** The operator id, named in the error. */
  operatorId: number
  /** The key as SSV hands it out: base64 of a PEM headed `RSA PUBLIC KEY` around an SPKI body. */
  operatorKey: string
}

function refuse(operatorId: number, reason: string, cause?: unknown): SsvSharesError {
  return new SsvSharesError({
    code: 'SSV_SHARES_OPERATOR_KEY',
    shortMessage: `operator ${operatorId}: the key is not an RSA-2048 public key`,
    details: `${reason}; SSV operator keys are base64 of a PEM "${BEGIN}" around an SPKI body`,
    cause,
  })
}

/**
 * An SSV operator key as a node:crypto public key. SSV labels the PEM `RSA PUBLIC KEY` (the
 * PKCS#1 label) but puts an SPKI body inside, so the body is read as SPKI, and as PKCS#1 only when
 * that fails. Throws `SSV_SHARES_OPERATOR_KEY`, naming the operator, for anything that is not an
 * RSA public key of 2048 bits.
 */
export function parseOperatorKey(parameters: ParseOperatorKeyParameters): KeyObject {
  const { operatorId, operatorKey } = parameters
  if (typeof operatorKey !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(operatorKey.trim()))
    throw refuse(operatorId, 'not a base64 string')
  const pem = Buffer.from(operatorKey.trim(), 'base64').toString('utf8').trim()
  if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) throw refuse(operatorId, `the decoded text is not a "${BEGIN}" PEM`)
  const body = pem.slice(BEGIN.length, pem.length - END.length).replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) throw refuse(operatorId, 'the PEM body is not base64')
  const der = Buffer.from(body, 'base64')
  let key: KeyObject
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' })
  } catch (spkiError) {
    try {
      key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' })
    } catch {
      throw refuse(operatorId, 'the PEM body is neither an SPKI nor a PKCS#1 public key', spkiError)
    }
  }
  if (key.asymmetricKeyType !== 'rsa') throw refuse(operatorId, `a ${String(key.asymmetricKeyType)} key`)
  const bits = key.asymmetricKeyDetails?.modulusLength
  if (bits !== 2048) throw refuse(operatorId, `an RSA modulus of ${String(bits)} bits`)
  return key
}
