import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    devnet: DevnetErrorCode
  }
}

/** Error codes raised by the devnet harness. */
export type DevnetErrorCode =
  | 'DEVNET_DAEMON_NOT_INSTALLED'
  | 'DEVNET_DAEMON_START_FAILED'
  | 'DEVNET_DAEMON_EXITED'
  | 'DEVNET_TIMEOUT'
  | 'DEVNET_BAD_OPTIONS'
  | 'DEVNET_STATE'
  /** A daemon's RPC or HTTP API did not answer, answered with an error, or answered nonsense. */
  | 'DEVNET_RPC_FAILED'
  /** The OS gave no usable TCP port on 127.0.0.1. */
  | 'DEVNET_NO_FREE_PORT'

/** An error from the harness; start failures carry the tail of the daemon's log in `details`. */
export class DevnetError extends ChainopsError<DevnetErrorCode> {
  override name = 'DevnetError'
  declare readonly code: DevnetErrorCode
  constructor(parameters: { code: DevnetErrorCode; shortMessage: string; details?: string; cause?: unknown }) {
    super(parameters)
  }
}
