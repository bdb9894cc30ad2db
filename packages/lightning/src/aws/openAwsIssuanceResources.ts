import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import type { SQSClientConfig } from '@aws-sdk/client-sqs'
import type { SSMClientConfig } from '@aws-sdk/client-ssm'
import type { Secret } from '@chainops/core'
import { DynamoDbStore, SqsQueue, ssmSecretSource } from '@chainops/core/aws'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { LightningError } from '../errors/LightningError.ts'
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
  /**
   * SSM parameter names (SecureString): the operator key, or one per sending key (K keys, each its
   * own nonce stream and FIFO group), and optionally the two lnd macaroons.
   */
  parameters: {
    operatorKey: string | readonly string[]
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
  /** Every sending key, in the order of `parameters.operatorKey` (one with a single name). */
  signerKeys: readonly Secret<Hex>[]
  macaroons: { invoice?: Secret<string> | undefined; readOnly?: Secret<string> | undefined }
  close(): Promise<void>
}

/**
 * Opens the AWS mode's store (DynamoDB, conditional writes), mint queue (SQS FIFO with a
 * dead-letter queue) and secrets (SSM SecureString), failing at start, with the parameter's name
 * and never its value, when a secret is missing (`SECRET_NOT_FOUND`) or malformed. With K sending
 * keys, K = 0, a parameter listed twice or two parameters holding one key (the same address) are
 * `ISSUANCE_CONFIG_INVALID` naming `parameters.operatorKey` and the parameters.
 */
export async function openAwsIssuanceResources(
  parameters: OpenAwsIssuanceResourcesParameters,
): Promise<AwsIssuanceResources> {
  const { clientConfig, tableName, queueName, create = false } = parameters
  const secrets = ssmSecretSource({ clientConfig })
  const names = resolveOperatorKeyParameters(parameters.parameters.operatorKey)
  const signerKeys: Secret<Hex>[] = []
  const byAddress = new Map<string, string>()
  for (const name of names) {
    const key = parseOperatorKey({ key: await secrets.get(name), source: `SSM parameter ${name}` })
    if (names.length > 1) {
      const address = privateKeyToAddress(key.reveal())
      const earlier = byAddress.get(address)
      if (earlier !== undefined)
        throw invalidOperatorKeys(`SSM parameters ${earlier} and ${name} hold the same key (${address})`)
      byAddress.set(address, name)
    }
    signerKeys.push(key)
  }
  const signerKey = signerKeys[0] as Secret<Hex>
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
    signerKeys,
    macaroons,
    async close() {
      await queue.close()
      await store.close()
    },
  }
}

function invalidOperatorKeys(details: string): LightningError {
  return new LightningError({
    code: 'ISSUANCE_CONFIG_INVALID',
    shortMessage: 'Invalid parameters.operatorKey',
    details: `parameters.operatorKey: ${details}`,
  })
}

/** The SSM parameter names of the sending keys: one, or K >= 1 with none listed twice. */
function resolveOperatorKeyParameters(operatorKey: string | readonly string[]): readonly string[] {
  const names = typeof operatorKey === 'string' ? [operatorKey] : operatorKey
  if (!Array.isArray(names) || names.length === 0)
    throw invalidOperatorKeys('at least one sending key is needed (K = 0)')
  const seen = new Map<string, number>()
  for (const [index, name] of names.entries()) {
    if (typeof name !== 'string' || name === '') throw invalidOperatorKeys(`entry ${index} is not a parameter name`)
    const earlier = seen.get(name)
    if (earlier !== undefined) throw invalidOperatorKeys(`${name} is listed twice (entries ${earlier} and ${index})`)
    seen.set(name, index)
  }
  return names
}
