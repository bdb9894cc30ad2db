import type { StackEndpoints } from '@chainops/devnet'

export type AwsClientConfig = {
  endpoint?: string
  region?: string
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/**
 * The AWS SDK client config of `--aws-endpoint` / `--aws-region`, else the running devnet's moto
 * (which takes any credentials), else real AWS with `$AWS_REGION` and the SDK's credential chain.
 */
export function awsClientConfig(
  flags: { endpoint?: string | undefined; region?: string | undefined },
  endpoints: StackEndpoints | undefined,
): AwsClientConfig {
  const endpoint = flags.endpoint ?? endpoints?.moto?.endpoint
  const region = flags.region ?? endpoints?.moto?.region ?? process.env.AWS_REGION
  const onMoto = flags.endpoint === undefined && endpoints?.moto !== undefined
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(region ? { region } : {}),
    ...(onMoto ? { credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } } : {}),
  }
}
