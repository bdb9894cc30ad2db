import type { KeyObject } from 'node:crypto'
import type { Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import { bytesToHex } from 'viem'
import { assertCluster } from './assertCluster.ts'
import { assertOwner } from './assertOwner.ts'
import { buildSharesData } from './buildSharesData.ts'
import { encryptShare } from './encryptShare.ts'
import type { KeySharesFile, KeySharesItem, KeySharesOperator } from './KeySharesFile.ts'
import { SsvSharesError } from './SsvSharesError.ts'
import { signOwnerNonce } from './signOwnerNonce.ts'
import { splitValidatorKey } from './splitValidatorKey.ts'
import { validatorScalar } from './validatorScalar.ts'

export type BuildKeySharesParameters = {
  /** The validators to split, one keyshares item each. Their secrets are not wiped (the caller owns them). */
  validators: readonly { secret: Secret<Uint8Array> }[]
  /** The cluster: 4, 7, 10 or 13 operators with their SSV operator keys, in any order. */
  operators: readonly KeySharesOperator[]
  /** The account that will register the validators. */
  ownerAddress: string
  /** The owner's nonce for the first validator; the next ones get ownerNonce + 1, + 2, ... */
  ownerNonce: number
  /** The file's createdAt; now by default. */
  createdAt?: Date | undefined
  /** Called after each validator with (done, total), for progress on long runs. */
  onProgress?: ((done: number, total: number) => void) | undefined
}

/**
 * A keyshares file as ssv-keys 1.1.0 writes it, for one or many validators of one cluster: each
 * validator key Shamir-split for the operators, each share encrypted to its operator, sharesData
 * signed for the owner at consecutive nonces. Every input is checked before any work
 * (`SSV_SHARES_OPERATOR_COUNT`, `_DUPLICATE_OPERATOR`, `_OPERATOR_ID`, `_OPERATOR_KEY`, `_OWNER`,
 * `_VALIDATOR_KEY`); share secrets are wiped as soon as they are encrypted.
 */
export function buildKeyShares(parameters: BuildKeySharesParameters): KeySharesFile {
  const ownerAddress = assertOwner(parameters.ownerAddress, parameters.ownerNonce)
  const { operators, operatorKeys: keys } = assertCluster(parameters.operators)
  const operatorIds = operators.map((operator) => operator.id)
  if (parameters.validators.length === 0)
    throw new SsvSharesError({ code: 'SSV_SHARES_VALIDATOR_KEY', shortMessage: 'no validator keys given' })
  const publicKeys = parameters.validators.map((validator, index) => {
    validatorScalar(validator.secret)
    const publicKey = bytesToHex(SecretKey.fromBytes(validator.secret.reveal()).toPublicKey().toBytes())
    return { index, publicKey }
  })
  const seenValidators = new Map<string, number>()
  for (const { index, publicKey } of publicKeys) {
    const other = seenValidators.get(publicKey)
    if (other !== undefined)
      throw new SsvSharesError({
        code: 'SSV_SHARES_VALIDATOR_KEY',
        shortMessage: `validators ${other} and ${index} are the same key`,
        details: `public key ${publicKey}; a validator registers once`,
      })
    seenValidators.set(publicKey, index)
  }

  const total = parameters.validators.length
  const shares: KeySharesItem[] = parameters.validators.map((validator, index) => {
    const ownerNonce = parameters.ownerNonce + index
    const publicKey = publicKeys[index]?.publicKey as `0x${string}`
    const split = splitValidatorKey({ secret: validator.secret, operatorIds })
    let encryptedShares: Uint8Array[]
    try {
      encryptedShares = split.shares.map((share) => encryptShare(share.secret, keys.get(share.operatorId) as KeyObject))
    } finally {
      for (const share of split.shares) share.secret.wipe()
    }
    const sharesData = buildSharesData({
      signature: signOwnerNonce({ secret: validator.secret, ownerAddress, ownerNonce }),
      sharePublicKeys: split.shares.map((share) => share.publicKey),
      encryptedShares,
    })
    parameters.onProgress?.(index + 1, total)
    return {
      data: { ownerNonce, ownerAddress, publicKey, operators: operators.map((operator) => ({ ...operator })) },
      payload: { publicKey, operatorIds: [...operatorIds], sharesData: bytesToHex(sharesData) },
    }
  })
  return { version: 'v1.1.0', createdAt: (parameters.createdAt ?? new Date()).toISOString(), shares }
}
