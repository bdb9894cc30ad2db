import { ChainopsError } from '@chainops/core'

/**
 * A setting the program cannot start without, from its environment. A missing one fails the
 * start (Lambda reports it as an init error; the settle subscriber exits 1) naming the variable,
 * never a value. `where` says where to set it (default: the function's configuration).
 */
export function requireEnv(env: NodeJS.ProcessEnv, name: string, where = "the function's configuration"): string {
  const value = env[name]
  if (value === undefined || value === '')
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_MISSING',
      shortMessage: 'A required environment variable is not set',
      details: `set ${name} in ${where} (see examples/lambda/README.md)`,
    })
  return value
}
