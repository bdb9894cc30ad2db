import { openAwsIssuanceResources } from '../../aws/openAwsIssuanceResources.ts'
import type { AwsProcessConfig } from './awsProcessConfig.ts'

/** The AWS mode's store, queue and sending keys of a test process, from its config (moto, the table, the queue, the SSM parameters). */
export function openAwsProcessResources(aws: AwsProcessConfig): ReturnType<typeof openAwsIssuanceResources> {
  return openAwsIssuanceResources({
    clientConfig: aws.clientConfig,
    tableName: aws.tableName,
    queueName: aws.queueName,
    parameters: { operatorKey: aws.operatorKeyParameter },
  })
}
