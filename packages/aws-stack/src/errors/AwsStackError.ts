import { ChainopsError, type ChainopsErrorParameters } from '@chainops/core'

declare module '@chainops/core' {
  interface ChainopsErrorCodes {
    awsStack: AwsStackErrorCode
  }
}

/** Stable codes of every error @chainops/aws-stack throws; callers switch on them. */
export type AwsStackErrorCode =
  /** The stack config failed validation; `field` names the offending path (e.g. `sealers.count`). */
  | 'AWS_STACK_CONFIG_INVALID'
  /** The sealer count cannot keep sealing with `sealers.tolerateFailures` down (Clique quorum). */
  | 'AWS_STACK_SEALERS_TOO_FEW'
  /** Fewer availability zones than sealers: two sealers would share a zone. */
  | 'AWS_STACK_ZONES_TOO_FEW'
  /** Writing the synthesized template failed. */
  | 'AWS_STACK_SYNTH_FAILED'

export type AwsStackErrorParameters = Omit<ChainopsErrorParameters, 'code'> & {
  code: AwsStackErrorCode
  /** The config path that is wrong, as a dot path such as `bastion.sshCidr`. */
  field?: string | undefined
}

/** Every error of @chainops/aws-stack: a `ChainopsError` with an aws-stack code and, for config errors, the field. */
export class AwsStackError extends ChainopsError<AwsStackErrorCode> {
  override name = 'AwsStackError'
  declare readonly code: AwsStackErrorCode
  readonly field: string | undefined

  constructor(parameters: AwsStackErrorParameters) {
    const { field, ...rest } = parameters
    super({
      ...rest,
      details: field === undefined ? rest.details : `at ${field}${rest.details ? `: ${rest.details}` : ''}`,
    })
    this.field = field
  }
}
