import { ArnFormat, Stack } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

/**
 * The ARN of the SSM parameter `name` in the scope's stack account and region. SSM writes a
 * hierarchical name's leading `/` as the ARN's separator: `/chainops/key-0` is
 * `arn:aws:ssm:REGION:ACCOUNT:parameter/chainops/key-0`, and so is `chainops-key-0` with `parameter/`.
 */
export function ssmParameterArn(scope: IConstruct, name: string): string {
  return Stack.of(scope).formatArn({
    service: 'ssm',
    resource: 'parameter',
    resourceName: name.replace(/^\//, ''),
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  })
}
