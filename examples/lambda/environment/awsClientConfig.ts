/** The settings every AWS SDK client of a function shares. */
export type AwsClientConfig = {
  region: string
  endpoint?: string
}

/**
 * Region from `AWS_REGION` (Lambda sets it) and, for a local stack only (moto, LocalStack), an
 * endpoint from `CHAINOPS_AWS_ENDPOINT`. Credentials are not read here: the SDK takes the
 * function role's from the environment Lambda provides.
 */
export function awsClientConfig(env: NodeJS.ProcessEnv): AwsClientConfig {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1'
  const endpoint = env.CHAINOPS_AWS_ENDPOINT
  return endpoint ? { region, endpoint } : { region }
}
