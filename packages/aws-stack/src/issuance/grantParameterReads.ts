import { Stack } from 'aws-cdk-lib'
import * as iam from 'aws-cdk-lib/aws-iam'
import type { IConstruct } from 'constructs'
import { ssmParameterArn } from './ssmParameterArn.ts'

export type GrantParameterReadsParameters = {
  /** The SSM SecureString parameters the function reads at cold start, by name. */
  names: readonly string[]
  /**
   * Their customer managed KMS key. Absent: the AWS managed `aws/ssm` key, whose key policy already
   * lets the account's principals decrypt through SSM, so no KMS statement is needed.
   */
  keyArn?: string | undefined
}

/**
 * Lets `grantee` read exactly these SSM parameters: `ssm:GetParameter` (what `ssmSecretSource`
 * calls, with decryption) on their ARNs, and with a customer managed key `kms:Decrypt` on that
 * key, only through SSM and only for these parameters (SSM puts the parameter's ARN in the
 * encryption context).
 */
export function grantParameterReads(
  scope: IConstruct,
  grantee: iam.IGrantable,
  parameters: GrantParameterReadsParameters,
): void {
  const arns = parameters.names.map((name) => ssmParameterArn(scope, name))
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ sid: 'ReadSecretParameters', actions: ['ssm:GetParameter'], resources: arns }),
  )
  if (parameters.keyArn === undefined) return
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'DecryptSecretParameters',
      actions: ['kms:Decrypt'],
      resources: [parameters.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `ssm.${Stack.of(scope).region}.amazonaws.com`,
          // single-valued: the condition holds when the context's ARN is one of these
          'kms:EncryptionContext:PARAMETER_ARN': arns,
        },
      },
    }),
  )
}
