import { Stack } from 'aws-cdk-lib'
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IConstruct } from 'constructs'

/** The ARN of an SSM parameter by name (`/a/b` and `a` alike). */
function parameterArn(scope: IConstruct, name: string): string {
  const { partition, region, account } = Stack.of(scope)
  return `arn:${partition}:ssm:${region}:${account}:parameter/${name.replace(/^\//, '')}`
}

/**
 * Lets `grantee` read exactly these SSM parameters (`ssm:GetParameter` on each ARN). SecureStrings
 * under the account's `aws/ssm` key decrypt through SSM without a KMS statement.
 */
export function grantReadParameters(scope: IConstruct, grantee: IGrantable, names: readonly string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: [...new Set(names.map((name) => parameterArn(scope, name)))],
    }),
  )
}
