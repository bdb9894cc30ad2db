import * as v from 'valibot'
import type { Hex } from 'viem'
import { withExpects } from './withExpects.ts'

/** A `0x`-prefixed hex string of any length, `0x` alone included (the empty byte string). */
export const hexSchema: v.CustomSchema<Hex, undefined> = withExpects(
  v.custom<Hex>((input) => typeof input === 'string' && /^0x[0-9a-fA-F]*$/.test(input)),
  'a 0x-prefixed hex string',
)
