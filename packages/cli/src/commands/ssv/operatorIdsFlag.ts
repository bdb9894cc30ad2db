import { usageError } from '../../errors/usageError.ts'

/** `--operators 1,2,3,4`: a cluster's operator ids, whole numbers; the SDK checks count and order. */
export function operatorIdsFlag(value: unknown): bigint[] {
  if (typeof value !== 'string') throw usageError('--operators ID,ID,... is required (e.g. --operators 1,2,3,4)')
  return value.split(',').map((item) => {
    const text = item.trim()
    if (!/^\d+$/.test(text)) throw usageError(`--operators must be operator ids separated by commas, got "${value}"`)
    return BigInt(text)
  })
}
