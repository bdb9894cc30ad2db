import * as v from 'valibot'

const hex = v.pipe(v.string(), v.regex(/^([0-9a-fA-F]{2})*$/, 'hex without 0x, an even number of digits'))

/**
 * The shape of an EIP-2335 keystore at the boundary. The KDF and cipher names are plain strings
 * here, so that an unknown one gets its own error (KEYSTORE_UNSUPPORTED_KDF) rather than a schema
 * error; hex lengths are checked after, as KEYSTORE_CORRUPT.
 */
export const keystoreSchema = v.object({
  crypto: v.object({
    kdf: v.object({
      function: v.string(),
      params: v.record(v.string(), v.unknown()),
      message: v.string(),
    }),
    checksum: v.object({
      function: v.string(),
      params: v.record(v.string(), v.unknown()),
      message: hex,
    }),
    cipher: v.object({
      function: v.string(),
      params: v.record(v.string(), v.unknown()),
      message: hex,
    }),
  }),
  description: v.optional(v.string(), ''),
  pubkey: v.optional(hex, ''),
  path: v.string(),
  uuid: v.pipe(v.string(), v.uuid()),
  version: v.literal(4),
})
