import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    testkit: TestkitErrorCode
  }
}

/** Error codes raised by the test kit. */
export type TestkitErrorCode =
  /** `pollUntil` ran out of time; the last error of the condition, if any, is the cause. */
  | 'TESTKIT_POLL_TIMEOUT'
  /** A Safe contract could not be placed on the devnet at its canonical address. */
  | 'TESTKIT_SAFE_DEPLOY_FAILED'
  /** `geth init` wrote no "Successfully wrote genesis state" line with a hash. */
  | 'TESTKIT_GETH_INIT_NO_HASH'

/** An error from the test kit: a `ChainopsError` with a `TESTKIT_` code. */
export class TestkitError extends ChainopsError<TestkitErrorCode> {
  override name = 'TestkitError'
  declare readonly code: TestkitErrorCode
  constructor(parameters: { code: TestkitErrorCode; shortMessage: string; details?: string; cause?: unknown }) {
    super(parameters)
  }
}
