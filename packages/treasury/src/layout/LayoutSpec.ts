import type * as v from 'valibot'
import type { LayoutSpecSchema } from './LayoutSpecSchema.ts'

/** The layout spec with every default filled in. */
export type LayoutSpec = v.InferOutput<typeof LayoutSpecSchema>

/** The layout spec as written (every field optional): what `parseLayout` takes. */
export type LayoutSpecInput = v.InferInput<typeof LayoutSpecSchema>
