/** Where the AWS mode's test processes find the service's resources: moto's client config, the table, the queue and one SSM parameter per sending key. */
export type AwsProcessConfig = {
  clientConfig: {
    endpoint: string
    region: string
    credentials: { accessKeyId: string; secretAccessKey: string }
  }
  tableName: string
  queueName: string
  /** One SSM parameter per sending key (K keys). */
  operatorKeyParameter: string | string[]
}
