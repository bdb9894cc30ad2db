export { DynamoDbStore, type DynamoDbStoreParameters } from './dynamoDb/DynamoDbStore.ts'
export { SqsQueue, type SqsQueueParameters } from './sqs/SqsQueue.ts'
export { type SsmSecretSourceParameters, ssmSecretSource } from './ssm/ssmSecretSource.ts'
