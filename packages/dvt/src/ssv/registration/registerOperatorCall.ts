import { type Address, encodeFunctionData, type Hex, isHex } from 'viem'
import { assertUint256 } from './assertUint256.ts'
import type { SsvNetworkCall } from './SsvNetworkCall.ts'
import { SsvRegistrationError } from './SsvRegistrationError.ts'
import { ssvNetworkAbi } from './ssvNetworkAbi.ts'

export type RegisterOperatorCallParameters = {
  /** The SSVNetwork proxy. */
  contract: Address
  /** The operator's public key as SSVNetwork stores it: the bytes of the base64 PEM the web app shows (ABI-encoded string in the real network). */
  publicKey: Hex
  /** The operator fee per block, in SSV wei (0 for a private operator at no fee). */
  fee: bigint
  /** Whether only whitelisted owners may use the operator (default false). */
  setPrivate?: boolean | undefined
}

/** `registerOperator(bytes,uint256,bool)` (selector 0xc9bbc9fa); the id comes back in `OperatorAdded`. */
export function registerOperatorCall(parameters: RegisterOperatorCallParameters): SsvNetworkCall {
  if (!isHex(parameters.publicKey, { strict: true }) || parameters.publicKey.length <= 2) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_INVALID_ARGUMENT',
      shortMessage: 'the operator public key is not non-empty 0x hex',
    })
  }
  return {
    to: parameters.contract,
    value: 0n,
    data: encodeFunctionData({
      abi: ssvNetworkAbi,
      functionName: 'registerOperator',
      args: [parameters.publicKey, assertUint256(parameters.fee, 'fee'), parameters.setPrivate ?? false],
    }),
  }
}
