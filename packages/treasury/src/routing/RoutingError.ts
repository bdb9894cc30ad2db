import { ChainopsError } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    treasuryRouting: RoutingErrorCode
  }
}

/** Stable codes of {@link RoutingError}. */
export type RoutingErrorCode =
  /** The Safe holds none of the asset, or the amount asked for is zero. */
  | 'ROUTING_NOTHING_TO_ROUTE'
  /** More than the Safe holds was asked for. */
  | 'ROUTING_INSUFFICIENT_BALANCE'
  /** The routing transaction executed but the split did not report the distribution. */
  | 'ROUTING_NOT_DISTRIBUTED'

export type RoutingErrorParameters = {
  code: RoutingErrorCode
  shortMessage: string
  details?: string | undefined
  cause?: unknown
}

/** Errors of reward routing (Safe -> split -> recipients). */
export class RoutingError extends ChainopsError<RoutingErrorCode> {
  override name = 'RoutingError'
  declare readonly code: RoutingErrorCode

  constructor(parameters: RoutingErrorParameters) {
    super(parameters)
  }
}
