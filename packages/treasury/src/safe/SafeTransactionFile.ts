import type * as v from 'valibot'
import type { SafeTransactionFileSchema } from './SafeTransactionFileSchema.ts'

/**
 * A Safe transaction as a JSON file that travels between owners (see `SafeTransactionFileSchema`):
 * proposed once, signed by each owner in turn, then executed by anyone.
 */
export type SafeTransactionFile = v.InferOutput<typeof SafeTransactionFileSchema>
