export { DynamoDbStore, type DynamoDbStoreParameters } from './DynamoDbStore.ts'
export { SqsQueue, type SqsQueueParameters } from './SqsQueue.ts'
export { type SsmSecretSourceParameters, ssmSecretSource } from './ssmSecretSource.ts'
