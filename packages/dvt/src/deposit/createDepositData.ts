import type { Secret } from '@chainops/core'
import { SecretKey } from '@chainsafe/blst'
import type { Address } from 'viem'
import { computeDepositDomain } from './computeDepositDomain.ts'
import { computeSigningRoot } from './computeSigningRoot.ts'
import { computeWithdrawalCredentials } from './computeWithdrawalCredentials.ts'
import { DEPOSIT_CLI_VERSION } from './DEPOSIT_CLI_VERSION.ts'
import { DepositData } from './DepositData.ts'
import type { DepositDataEntry } from './DepositDataEntry.ts'
import { DepositError } from './DepositError.ts'
import { DepositMessage } from './DepositMessage.ts'
import type { DepositNetwork } from './DepositNetwork.ts'
import { depositAmountRange } from './depositAmountRange.ts'
import { depositNetworks } from './depositNetworks.ts'

export type CreateDepositDataParameters = {
  /** The execution address in the 0x01/0x02 withdrawal credentials. */
  withdrawalAddress: Address
  /** Gwei: 1 ETH to 32 ETH for 0x01, to 2048 ETH for 0x02. */
  amount: bigint
  network: DepositNetwork
  /** 0x02 (compounding) withdrawal credentials instead of 0x01. */
  compounding?: boolean | undefined
} & (
  | {
      /** The validator's signing key, 32 bytes big-endian; the caller wipes it. */
      signingKey: Secret<Uint8Array>
      keys?: undefined
    }
  | {
      /** The keys `deriveValidatorKeys` returns for one index (only the signing key is used). */
      keys: { signingKey: Secret<Uint8Array> }
      signingKey?: undefined
    }
)

export type CreateDepositDataReturnType = DepositDataEntry

export type CreateDepositDataErrorType = DepositError

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

function invalid(shortMessage: string, details?: string): DepositError {
  return new DepositError({ code: 'DEPOSIT_INVALID_INPUT', shortMessage, details })
}

/**
 * The deposit data of one validator, as ethstaker-deposit 1.3.1 writes it in `deposit_data-*.json`:
 * the deposit message signed by the validator key over the network's deposit domain (BLS
 * signatures are deterministic, so the same key and message give the same bytes), with both roots.
 */
export function createDepositData(parameters: CreateDepositDataParameters): CreateDepositDataReturnType {
  const { withdrawalAddress, amount, network, compounding = false } = parameters
  const setting = Object.hasOwn(depositNetworks, network) ? depositNetworks[network] : undefined
  if (setting === undefined)
    throw new DepositError({
      code: 'DEPOSIT_UNKNOWN_NETWORK',
      shortMessage: `unknown network ${JSON.stringify(String(network))}`,
      details: `known: ${Object.keys(depositNetworks).join(', ')}`,
    })
  if (typeof amount !== 'bigint') throw invalid('the amount is a bigint of gwei', `got ${typeof amount}`)
  const range = depositAmountRange(compounding)
  if (amount < range.min || amount > range.max)
    throw new DepositError({
      code: 'DEPOSIT_AMOUNT_OUT_OF_RANGE',
      shortMessage: `a ${compounding ? '0x02' : '0x01'} deposit is ${range.min / 1_000_000_000n} ETH to ${range.max / 1_000_000_000n} ETH`,
      details: `got ${amount} gwei`,
    })
  const withdrawalCredentials = computeWithdrawalCredentials({ withdrawalAddress, compounding })
  const signingKey = parameters.signingKey ?? parameters.keys?.signingKey
  let secretBytes: Uint8Array
  try {
    secretBytes = (signingKey as Secret<Uint8Array>).reveal()
  } catch (cause) {
    throw new DepositError({
      code: 'DEPOSIT_INVALID_INPUT',
      shortMessage: 'the signing key is not a readable Secret (missing or wiped)',
      cause,
    })
  }
  if (!(secretBytes instanceof Uint8Array) || secretBytes.length !== 32)
    throw invalid('the signing key is 32 bytes big-endian')
  let secretKey: SecretKey
  try {
    secretKey = SecretKey.fromBytes(secretBytes)
  } catch {
    // blst's message is dropped on purpose: nothing of the key goes into an error.
    throw invalid('the signing key is not a BLS secret key (zero, or not below the curve order)')
  }
  const pubkey = secretKey.toPublicKey().toBytes(true)
  const message = { pubkey, withdrawalCredentials, amount }
  const messageRoot = DepositMessage.hashTreeRoot(message)
  const signature = secretKey.sign(computeSigningRoot(messageRoot, computeDepositDomain(setting.genesisForkVersion)))
  const signatureBytes = signature.toBytes(true)
  const dataRoot = DepositData.hashTreeRoot({ ...message, signature: signatureBytes })
  return {
    pubkey: hex(pubkey),
    withdrawal_credentials: hex(withdrawalCredentials),
    amount: Number(amount),
    signature: hex(signatureBytes),
    deposit_message_root: hex(messageRoot),
    deposit_data_root: hex(dataRoot),
    fork_version: setting.genesisForkVersion.slice(2),
    network_name: setting.name,
    deposit_cli_version: DEPOSIT_CLI_VERSION,
  }
}
