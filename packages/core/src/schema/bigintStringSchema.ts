import * as v from 'valibot'
import { withExpects } from './withExpects.ts'

/**
 * A non-negative integer written as a string, decimal (`'1000'`) or `0x` hex (`'0x3e8'`), the two
 * forms geth's JSON accepts for quantities; the output is the exact bigint. At most 200 characters.
 */
export const bigintStringSchema: v.SchemaWithPipe<
  readonly [v.CustomSchema<string, undefined>, v.TransformAction<string, bigint>]
> = v.pipe(
  withExpects(
    v.custom<string>(
      (input) => typeof input === 'string' && input.length <= 200 && /^(?:[0-9]+|0x[0-9a-fA-F]+)$/.test(input),
    ),
    'a non-negative integer string (decimal or 0x hex)',
  ),
  v.transform((input: string) => BigInt(input)),
)
