/** Stable codes {@link verifyShares} reports; callers and the CLI switch on them. */
export type SharesFindingCode =
  /** payload.operatorIds is not 4, 7, 10 or 13 long. */
  | 'OPERATOR_COUNT'
  /** operatorIds (or data.operators) not in ascending order. */
  | 'OPERATOR_IDS_UNSORTED'
  /** An operator id twice. */
  | 'OPERATOR_IDS_DUPLICATE'
  /** payload.operatorIds differ from the ids of data.operators. */
  | 'OPERATOR_IDS_MISMATCH'
  /** An operator key that is not an RSA-2048 public key in the SSV form. */
  | 'OPERATOR_KEY'
  /** data.publicKey and payload.publicKey differ. */
  | 'PUBLIC_KEY_MISMATCH'
  /** The validator public key is not a BLS12-381 G1 point. */
  | 'PUBLIC_KEY_INVALID'
  /** The same validator twice in one file. */
  | 'DUPLICATE_VALIDATOR'
  /** sharesData is not 96 + n x (48 + 256) bytes for the n operators: a wrong share count. */
  | 'SHARES_DATA_LENGTH'
  /** A share public key in sharesData is not a G1 point. */
  | 'SHARE_PUBLIC_KEY_INVALID'
  /** The signature does not verify for the validator key over `<owner>:<nonce>`. */
  | 'SIGNATURE_INVALID'
  /** In a bulk file, nonces are not first, first+1, ... in order. */
  | 'NONCE_NOT_CONSECUTIVE'
  /** In a bulk file, an item's owner differs from the first item's. */
  | 'OWNER_MISMATCH'
  /** In a bulk file, an item's operators differ from the first item's (one file is one cluster). */
  | 'CLUSTER_MISMATCH'
  /** An encrypted share does not decrypt with its operator's private key. */
  | 'SHARE_DECRYPT'
  /** A decrypted share's public key is not the one in sharesData. */
  | 'SHARE_PUBLIC_KEY_MISMATCH'
  /** A threshold subset of the decrypted shares does not reconstruct the validator key. */
  | 'RECONSTRUCT_MISMATCH'

/** One thing verifyShares found, at a validator (its index in `shares`) and maybe an operator. */
export type SharesFinding = {
  code: SharesFindingCode
  /** Index of the item in the file's `shares`. */
  validatorIndex: number
  /** The operator concerned, when there is one. */
  operatorId?: number | undefined
  message: string
}
