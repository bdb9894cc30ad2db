import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import type { SQSClientConfig } from '@aws-sdk/client-sqs'
import type { SSMClientConfig } from '@aws-sdk/client-ssm'
import type { Secret } from '@chainops/core'
import { DynamoDbStore, SqsQueue, ssmSecretSource } from '@chainops/core/aws'
import type { Hex } from 'viem'
import type { IssuanceResources } from '../service/IssuanceResources.ts'
import { parseOperatorKey } from '../service/parseOperatorKey.ts'

export type OpenAwsIssuanceResourcesParameters = {
  /** Region, credentials and (for moto or LocalStack) endpoint, for all three clients. */
  clientConfig: DynamoDBClientConfig & SQSClientConfig & SSMClientConfig
  /** The DynamoDB table of the store (partition key `t`, sort key `k`). */
  tableName: string
  /** The mint queue `<name>.fifo` and its dead letters `<name>-dlq.fifo`. */
  queueName: string
  /** Deliveries before SQS dead-letters a mint message (the redrive policy; default 10). */
  maxReceiveCount?: number | undefined
  /** SSM parameter names (SecureString): the operator key, and optionally the two lnd macaroons. */
  parameters: {
    operatorKey: string
    invoiceMacaroon?: string | undefined
    readOnlyMacaroon?: string | undefined
  }
  /** Create the table and queues when missing (local stacks; in AWS they come from infrastructure code). Default false. */
  create?: boolean | undefined
}

export type AwsIssuanceResources = IssuanceResources & {
  store: DynamoDbStore
  queue: SqsQueue
  signerKey: Secret<Hex>
  macaroons: { invoice?: Secret<string> | undefined; readOnly?: Secret<string> | undefined }
  close(): Promise<void>
}

/**
 * Opens the AWS mode's store (DynamoDB, conditional writes), mint queue (SQS FIFO with a
 * dead-letter queue) and secrets (SSM SecureString), failing at start, with the parameter's name
 * and never its value, when a secret is missing or malformed.
 */
export async function openAwsIssuanceResources(
  parameters: OpenAwsIssuanceResourcesParameters,
): Promise<AwsIssuanceResources> {
  const { clientConfig, tableName, queueName, create = false } = parameters
  const secrets = ssmSecretSource({ clientConfig })
  const signerKey = parseOperatorKey({
    key: await secrets.get(parameters.parameters.operatorKey),
    source: `SSM parameter ${parameters.parameters.operatorKey}`,
  })
  const macaroons = {
    invoice: parameters.parameters.invoiceMacaroon
      ? await secrets.get(parameters.parameters.invoiceMacaroon)
      : undefined,
    readOnly: parameters.parameters.readOnlyMacaroon
      ? await secrets.get(parameters.parameters.readOnlyMacaroon)
      : undefined,
  }
  const store = new DynamoDbStore({ tableName, clientConfig })
  const queue = new SqsQueue({ name: queueName, clientConfig, maxReceiveCount: parameters.maxReceiveCount })
  if (create) {
    await store.ensureTable()
    await queue.ensureQueues()
  }
  return {
    store,
    queue,
    signerKey,
    macaroons,
    async close() {
      await queue.close()
      await store.close()
    },
  }
}
