import type * as v from 'valibot'

/**
 * Sets the words a schema's type issue carries as `expected` (valibot's `custom` says `unknown`),
 * which is what {@link parseWith} reports: `to: expected a 20-byte 0x address, received string`.
 * Returns the same schema object.
 */
export function withExpects<TSchema extends v.GenericSchema>(schema: TSchema, expects: string): TSchema {
  Object.assign(schema, { expects })
  return schema
}
