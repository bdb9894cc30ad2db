import { type Address, hexToBytes, isAddress } from 'viem'
import { DepositError } from './DepositError.ts'

export type ComputeWithdrawalCredentialsParameters = {
  /** The execution address that receives withdrawals. */
  withdrawalAddress: Address
  /** 0x02 (compounding, EIP-7251) instead of 0x01 (execution address). */
  compounding?: boolean | undefined
}

/** 0x01 or 0x02 withdrawal credentials: the prefix byte, 11 zero bytes, the 20-byte address. */
export function computeWithdrawalCredentials({
  withdrawalAddress,
  compounding = false,
}: ComputeWithdrawalCredentialsParameters): Uint8Array {
  if (!isAddress(withdrawalAddress))
    throw new DepositError({
      code: 'DEPOSIT_INVALID_INPUT',
      shortMessage: 'the withdrawal address is not an address',
      details: `got ${JSON.stringify(String(withdrawalAddress))}, expected 0x and 40 hex digits`,
    })
  const credentials = new Uint8Array(32)
  credentials[0] = compounding ? 0x02 : 0x01
  credentials.set(hexToBytes(withdrawalAddress), 12)
  return credentials
}
