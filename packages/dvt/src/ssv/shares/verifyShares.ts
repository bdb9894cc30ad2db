import type { KeyObject } from 'node:crypto'
import type { Secret } from '@chainops/core'
import { PublicKey, SecretKey, Signature, verify } from '@chainsafe/blst'
import { bytesEqual } from './bytesEqual.ts'
import { decryptShare } from './decryptShare.ts'
import type { KeySharesFile } from './KeySharesFile.ts'
import { ownerNonceMessage } from './ownerNonceMessage.ts'
import { parseKeySharesFile } from './parseKeySharesFile.ts'
import { parseOperatorKey } from './parseOperatorKey.ts'
import { parseOperatorPrivateKey } from './parseOperatorPrivateKey.ts'
import { parseSharesData } from './parseSharesData.ts'
import { reconstructValidatorKey } from './reconstructValidatorKey.ts'
import type { SharesFinding, SharesFindingCode } from './SharesFinding.ts'
import type { SsvSharesError } from './SsvSharesError.ts'

export type VerifySharesParameters = {
  /**
   * Operators' RSA private keys (PEM, its base64, or a KeyObject) by operator id. With them each
   * share is decrypted and checked against its public key, and threshold subsets are reconstructed.
   */
  operatorPrivateKeys?: Readonly<Record<number, string | KeyObject>> | undefined
}

export type VerifiedValidator = {
  index: number
  publicKey: `0x${string}`
  ownerNonce: number
  operatorIds: number[]
  /** Operators whose share was decrypted and matched its public key. */
  decryptedOperatorIds: number[]
  /** Threshold subsets that were reconstructed and gave the validator key (as operator id lists). */
  reconstructedSubsets: number[][]
}

export type VerifySharesReturnType = {
  valid: boolean
  findings: SharesFinding[]
  validators: VerifiedValidator[]
}

const COUNTS = [4, 7, 10, 13]

/** t consecutive operators starting at each position (wrapping): every subset for n = 4, each share in t subsets otherwise. */
function windows(count: number, threshold: number): number[][] {
  return Array.from({ length: count }, (_, start) =>
    Array.from({ length: threshold }, (_, k) => (start + k) % count).sort((a, b) => a - b),
  )
}

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex.slice(2), 'hex'))
}

function isSortedUnique(ids: readonly number[]): { sorted: boolean; unique: boolean } {
  const unique = new Set(ids).size === ids.length
  const sorted = ids.every((id, i) => i === 0 || id >= (ids[i - 1] as number))
  return { sorted, unique }
}

/**
 * Everything about a keyshares file that can be checked off-chain, because nothing on-chain
 * checks shares and bad ones silently burn the owner's nonce: shape, operator ids (sorted, unique,
 * the same in data and payload, a valid count), operator keys, lengths, the owner/nonce signature
 * against the validator key, consecutive nonces, one owner and one cluster in a bulk file; and,
 * given operator private keys, that each share decrypts to the key behind its public key and that
 * threshold subsets reconstruct the validator key (every subset for 4 operators; n rotating
 * windows for more). Throws `SSV_SHARES_FILE_FORMAT` for a file that is not keyshares at all and
 * `SSV_SHARES_OPERATOR_PRIVATE_KEY` for a private key that does not parse; everything else is a
 * finding naming the validator index and operator id.
 */
export function verifyShares(keySharesFile: unknown, parameters: VerifySharesParameters = {}): VerifySharesReturnType {
  const file: KeySharesFile = parseKeySharesFile(keySharesFile)
  const privateKeys = new Map<number, KeyObject>()
  for (const [id, key] of Object.entries(parameters.operatorPrivateKeys ?? {})) {
    const operatorId = Number(id)
    privateKeys.set(
      operatorId,
      typeof key === 'string' ? parseOperatorPrivateKey({ operatorId, privateKey: key }) : key,
    )
  }
  const findings: SharesFinding[] = []
  const validators: VerifiedValidator[] = []
  const seen = new Map<string, number>()
  const first = file.shares[0]
  for (const [index, item] of file.shares.entries()) {
    const add = (code: SharesFindingCode, message: string, operatorId?: number) =>
      findings.push({ code, validatorIndex: index, operatorId, message: `validator ${index}: ${message}` })
    const ids = item.payload.operatorIds
    const dataIds = item.data.operators.map((operator) => operator.id)
    const publicKey = item.payload.publicKey.toLowerCase() as `0x${string}`
    const verified: VerifiedValidator = {
      index,
      publicKey,
      ownerNonce: item.data.ownerNonce,
      operatorIds: [...ids],
      decryptedOperatorIds: [],
      reconstructedSubsets: [],
    }
    validators.push(verified)

    if (!COUNTS.includes(ids.length)) add('OPERATOR_COUNT', `${ids.length} operators; SSV clusters have 4, 7, 10 or 13`)
    for (const [what, list] of [
      ['operatorIds', ids],
      ['data.operators', dataIds],
    ] as const) {
      const { sorted, unique } = isSortedUnique(list)
      if (!unique) add('OPERATOR_IDS_DUPLICATE', `${what} has an operator id twice (${list.join(', ')})`)
      if (!sorted) add('OPERATOR_IDS_UNSORTED', `${what} is not in ascending order (${list.join(', ')})`)
    }
    if (ids.join(',') !== dataIds.join(','))
      add('OPERATOR_IDS_MISMATCH', `operatorIds ${ids.join(', ')} differ from data.operators ${dataIds.join(', ')}`)
    for (const operator of item.data.operators)
      try {
        parseOperatorKey({ operatorId: operator.id, operatorKey: operator.operatorKey })
      } catch (error) {
        add(
          'OPERATOR_KEY',
          `operator ${operator.id}: ${(error as SsvSharesError).details ?? 'not an RSA-2048 key'}`,
          operator.id,
        )
      }
    if (item.data.publicKey.toLowerCase() !== publicKey)
      add('PUBLIC_KEY_MISMATCH', 'data.publicKey and payload.publicKey differ')
    const other = seen.get(publicKey)
    if (other !== undefined) add('DUPLICATE_VALIDATOR', `the same validator as validator ${other}`)
    seen.set(publicKey, index)
    if (index > 0 && first) {
      if (item.data.ownerNonce !== first.data.ownerNonce + index)
        add('NONCE_NOT_CONSECUTIVE', `nonce ${item.data.ownerNonce}, expected ${first.data.ownerNonce + index}`)
      if (item.data.ownerAddress.toLowerCase() !== first.data.ownerAddress.toLowerCase())
        add('OWNER_MISMATCH', `owner ${item.data.ownerAddress} differs from validator 0's ${first.data.ownerAddress}`)
      if (ids.join(',') !== first.payload.operatorIds.join(','))
        add(
          'CLUSTER_MISMATCH',
          `operators ${ids.join(', ')} differ from validator 0's ${first.payload.operatorIds.join(', ')}`,
        )
    }

    let validatorKey: PublicKey | undefined
    try {
      validatorKey = PublicKey.fromBytes(hexBytes(publicKey), true)
    } catch {
      add('PUBLIC_KEY_INVALID', `${publicKey} is not a BLS12-381 public key`)
    }
    const parts = parseSharesData(hexBytes(item.payload.sharesData), ids.length)
    if (!parts) {
      const bytes = (item.payload.sharesData.length - 2) / 2
      add(
        'SHARES_DATA_LENGTH',
        `sharesData is ${bytes} bytes, ${96 + ids.length * 304} expected for ${ids.length} operators`,
      )
      continue
    }
    if (validatorKey) {
      let ok = false
      try {
        const signature = Signature.fromBytes(parts.signature, true)
        ok = verify(ownerNonceMessage(item.data.ownerAddress, item.data.ownerNonce), validatorKey, signature)
      } catch {
        ok = false
      }
      if (!ok)
        add(
          'SIGNATURE_INVALID',
          `the signature is not the validator's over ${item.data.ownerAddress}:${item.data.ownerNonce}`,
        )
    }
    const sharePublicKeys = parts.sharePublicKeys.map((bytes, i) => {
      try {
        return PublicKey.fromBytes(bytes, true)
      } catch {
        add('SHARE_PUBLIC_KEY_INVALID', `the share public key of operator ${ids[i]} is not a G1 point`, ids[i])
        return undefined
      }
    })

    if (privateKeys.size === 0) continue
    const decrypted: { operatorId: number; secret: Secret<Uint8Array>; position: number }[] = []
    try {
      for (const [position, operatorId] of ids.entries()) {
        const key = privateKeys.get(operatorId)
        if (!key) continue
        let secret: Secret<Uint8Array>
        try {
          secret = decryptShare({
            operatorId,
            encryptedShare: parts.encryptedShares[position] as Uint8Array,
            privateKey: key,
          })
        } catch {
          add('SHARE_DECRYPT', `the share of operator ${operatorId} does not decrypt with its private key`, operatorId)
          continue
        }
        decrypted.push({ operatorId, secret, position })
        let matches = false
        try {
          const derived = SecretKey.fromBytes(secret.reveal()).toPublicKey().toBytes()
          matches = bytesEqual(derived, parts.sharePublicKeys[position] as Uint8Array) && !!sharePublicKeys[position]
        } catch {
          matches = false
        }
        if (matches) verified.decryptedOperatorIds.push(operatorId)
        else
          add(
            'SHARE_PUBLIC_KEY_MISMATCH',
            `the share of operator ${operatorId} is not the key of its share public key`,
            operatorId,
          )
      }
      const threshold = ids.length - (ids.length - 1) / 3
      if (!validatorKey || !COUNTS.includes(ids.length) || decrypted.length < threshold) continue
      const expected = validatorKey.toBytes()
      const subsets =
        decrypted.length === ids.length
          ? windows(ids.length, threshold)
          : [decrypted.map((_, i) => i).slice(0, threshold)]
      for (const subset of subsets) {
        const shares = subset.map((i) => decrypted[i] as (typeof decrypted)[number])
        const subsetIds = shares.map((share) => share.operatorId)
        const secret = reconstructValidatorKey(shares)
        let matches = false
        try {
          matches = bytesEqual(SecretKey.fromBytes(secret.reveal()).toPublicKey().toBytes(), expected)
        } catch {
          matches = false
        } finally {
          secret.wipe()
        }
        if (matches) verified.reconstructedSubsets.push(subsetIds)
        else
          add(
            'RECONSTRUCT_MISMATCH',
            `shares of operators ${subsetIds.join(', ')} do not reconstruct the validator key`,
          )
      }
    } finally {
      for (const share of decrypted) share.secret.wipe()
    }
  }
  return { valid: findings.length === 0, findings, validators }
}
