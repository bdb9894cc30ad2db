import { addressSchema, hexSchema } from '@chainops/core'
import * as v from 'valibot'

const decimal = v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]{0,77})$/, 'a decimal integer string'))
const hash = v.pipe(hexSchema, v.length(66, 'a 32-byte hash'))

/** One owner's signature on the file's transaction (65 bytes, or longer for contract signatures). */
const SafeTransactionFileSignatureSchema = v.strictObject({
  signer: addressSchema,
  data: hexSchema,
})

/**
 * A Safe transaction as a JSON file that travels between owners: proposed once, signed by each
 * owner in turn (signatures accumulate in `signatures`), then executed by anyone. It carries
 * everything the EIP-712 `SafeTx` hash needs (chain id, Safe, the ten fields), so a signer can
 * check `safeTxHash` before signing; wei amounts are decimal strings (JSON has no bigint).
 */
export const SafeTransactionFileSchema = v.strictObject({
  format: v.literal('chainops.safe-transaction.v1'),
  chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  safe: addressSchema,
  safeTxHash: hash,
  transaction: v.strictObject({
    to: addressSchema,
    value: decimal,
    data: hexSchema,
    operation: v.picklist([0, 1]),
    safeTxGas: decimal,
    baseGas: decimal,
    gasPrice: decimal,
    gasToken: addressSchema,
    refundReceiver: addressSchema,
    nonce: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  signatures: v.array(SafeTransactionFileSignatureSchema),
})
