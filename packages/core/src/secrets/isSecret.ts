import { Secret } from './Secret.ts'

/** True when `value` is a {@link Secret} (of any value type). */
export function isSecret(value: unknown): value is Secret<unknown> {
  return value instanceof Secret
}
