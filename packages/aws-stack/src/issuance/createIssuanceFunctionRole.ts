import * as iam from 'aws-cdk-lib/aws-iam'
import type * as logs from 'aws-cdk-lib/aws-logs'
import type { Construct } from 'constructs'

export type CreateIssuanceFunctionRoleParameters = {
  /** The function's own log group: the only one it may write to. */
  logGroup: logs.ILogGroup
  /** Shown in the IAM console. */
  description: string
}

/**
 * The execution role of one issuance function, with no managed policy: the managed
 * AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole grant `logs:*` writes on every
 * log group. Instead: writes to its own log group only, and the six EC2 actions Lambda needs to
 * attach the function to its VPC subnets (its network interfaces), on `*` because the Describe
 * actions have no resource-level permissions and the interfaces do not exist before Lambda makes
 * them (what AWSLambdaVPCAccessExecutionRole grants, without its logs part).
 */
export function createIssuanceFunctionRole(
  scope: Construct,
  id: string,
  parameters: CreateIssuanceFunctionRoleParameters,
): iam.Role {
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: parameters.description,
  })
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'WriteOwnLogs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [parameters.logGroup.logGroupArn],
    }),
  )
  role.addToPolicy(
    new iam.PolicyStatement({
      sid: 'AttachToVpc',
      actions: [
        'ec2:CreateNetworkInterface',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSubnets',
        'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ],
      resources: ['*'],
    }),
  )
  return role
}
