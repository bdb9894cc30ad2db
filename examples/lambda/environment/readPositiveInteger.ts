import { ChainopsError } from '@chainops/core'

/** An optional whole number above 0 from the environment: undefined when unset, a typed error naming the variable when not one. */
export function readPositiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(value) || value <= 0)
    throw new ChainopsError({
      code: 'LAMBDA_CONFIG_INVALID',
      shortMessage: 'Not a positive whole number',
      details: `${name} must be a whole number above 0`,
    })
  return value
}
