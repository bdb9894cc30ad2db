import { Stack } from 'aws-cdk-lib'
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import type { IConstruct } from 'constructs'
import type { S3Object } from '../config/ChainopsStackConfig.ts'

/** Lets `grantee` read exactly these S3 objects (`s3:GetObject` on each object's ARN, nothing wider). */
export function grantReadObjects(scope: IConstruct, grantee: IGrantable, objects: readonly S3Object[]): void {
  const { partition } = Stack.of(scope)
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [...new Set(objects.map((o) => `arn:${partition}:s3:::${o.bucket}/${o.key}`))],
    }),
  )
}
