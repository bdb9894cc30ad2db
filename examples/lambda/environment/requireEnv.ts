import { ChainopsError } from '@chainops/core'

/**
 * A setting the function cannot start without, from its environment. A missing one fails the
 * cold start (Lambda reports it as an init error) naming the variable, never a value.
 */
export function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]
  if (value === undefined || value === '')
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_MISSING',
      shortMessage: 'A required environment variable is not set',
      details: `set ${name} in the function's configuration (see examples/lambda/README.md)`,
    })
  return value
}
