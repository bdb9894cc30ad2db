import * as v from 'valibot'
import { type Address, getAddress, isAddress } from 'viem'
import { withExpects } from './withExpects.ts'

/**
 * A 20-byte `0x` address. All-lowercase and all-uppercase hex are accepted as they are; mixed case
 * must be a valid EIP-55 checksum (a typo in a checksummed address is caught, not silently
 * accepted). The output is always the checksummed form.
 */
export const addressSchema: v.SchemaWithPipe<
  readonly [v.CustomSchema<Address, undefined>, v.TransformAction<Address, Address>]
> = v.pipe(
  withExpects(
    v.custom<Address>((input) => {
      if (typeof input !== 'string') return false
      const body = input.slice(2)
      // one case throughout carries no checksum; viem's strict mode would refuse all-uppercase
      const singleCase = body === body.toLowerCase() || body === body.toUpperCase()
      return isAddress(input, { strict: !singleCase })
    }),
    'a 20-byte 0x address (EIP-55 checksummed when mixed case)',
  ),
  v.transform((input: Address) => getAddress(input)),
)
