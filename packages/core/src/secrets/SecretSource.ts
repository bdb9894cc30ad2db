import type { Secret } from './Secret.ts'

/**
 * Where secrets come from: environment variables, files, SSM Parameter Store. `get` resolves to the
 * value wrapped in a `Secret` (it never prints), or throws `SecretError`: `SECRET_NOT_FOUND` names
 * what was looked for, never a value.
 */
export type SecretSource = {
  get(name: string): Promise<Secret<string>>
}
