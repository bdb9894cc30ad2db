import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    dvtDeposit: DepositErrorCode
  }
}

/** Stable codes of {@link DepositError}, also the codes of a deposit data finding. */
export type DepositErrorCode =
  /** Not deposit data: not JSON, not an object, a field missing or of the wrong type, bad hex, a wrong length. */
  | 'DEPOSIT_BAD_SHAPE'
  /** A network name we do not know (mainnet, holesky and hoodi are known). */
  | 'DEPOSIT_UNKNOWN_NETWORK'
  /** Deposit data for another network: its fork version or network name is not the expected network's. */
  | 'DEPOSIT_WRONG_NETWORK'
  /** `deposit_message_root` or `deposit_data_root` is not the hash tree root of the data. */
  | 'DEPOSIT_BAD_ROOT'
  /** The pubkey is not a valid BLS12-381 G1 point. */
  | 'DEPOSIT_BAD_PUBKEY'
  /** The signature is not a valid G2 point, or does not verify over the network's deposit domain. */
  | 'DEPOSIT_BAD_SIGNATURE'
  /** Withdrawal credentials that are neither 0x01 nor 0x02 with 11 zero bytes and an address. */
  | 'DEPOSIT_BAD_WITHDRAWAL_CREDENTIALS'
  /** An amount below 1 ETH or above 32 ETH (0x01) or 2048 ETH (0x02), or not whole gwei. */
  | 'DEPOSIT_AMOUNT_OUT_OF_RANGE'
  /** A bad parameter to createDepositData: a signing key that is not a BLS secret key, a bad address. */
  | 'DEPOSIT_INVALID_INPUT'

export type DepositErrorParameters = {
  code: DepositErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Every error of the deposit data code (create, parse, verify). */
export class DepositError extends ChainopsError<DepositErrorCode> {
  override name = 'DepositError'
  declare readonly code: DepositErrorCode

  constructor(parameters: DepositErrorParameters) {
    super(parameters)
  }
}
