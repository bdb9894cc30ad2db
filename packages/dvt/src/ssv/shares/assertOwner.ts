import { getAddress, isAddress } from 'viem'
import { SsvSharesError } from './SsvSharesError.ts'

/** The owner address checksummed, after checking it and the nonce. Throws `SSV_SHARES_OWNER`. */
export function assertOwner(ownerAddress: string, ownerNonce: number): `0x${string}` {
  if (typeof ownerAddress !== 'string' || !isAddress(ownerAddress, { strict: false }))
    throw new SsvSharesError({
      code: 'SSV_SHARES_OWNER',
      shortMessage: `owner ${String(ownerAddress)} is not an Ethereum address`,
      details: 'the owner is the account that will call registerValidator',
    })
  if (!Number.isSafeInteger(ownerNonce) || ownerNonce < 0)
    throw new SsvSharesError({
      code: 'SSV_SHARES_OWNER',
      shortMessage: `owner nonce ${String(ownerNonce)} is not a non-negative integer`,
      details: "the nonce is the count of the owner's ValidatorAdded events so far",
    })
  return getAddress(ownerAddress)
}
