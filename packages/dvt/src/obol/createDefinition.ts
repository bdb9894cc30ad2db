import { randomUUID } from 'node:crypto'
import { getAddress, isAddress } from 'viem'
import { assertDepositAmounts } from './assertDepositAmounts.ts'
import type { ClusterDefinition } from './ClusterDefinition.ts'
import { chainIdOfForkVersion } from './chainIdOfForkVersion.ts'
import { type ClusterVersion, clusterVersions } from './clusterVersions.ts'
import { hashDefinition } from './hashDefinition.ts'
import { ObolError } from './ObolError.ts'
import { obolChainIds } from './obolChainIds.ts'

export type CreateDefinitionParameters = {
  name: string
  /** The operators' addresses (EOAs of the treasury's DVTNodeKeys tier), in cluster order. */
  operators: readonly string[]
  /** Number of distributed validators. */
  validators: number
  /** Signatures needed out of the operators; default and minimum ceil(2n/3). */
  threshold?: number | undefined
  feeRecipient: string
  withdrawalAddress: string
  /** The network by name (mainnet, hoodi, sepolia, holesky, gnosis, chiado, goerli) or its genesis fork version. */
  network: string
  /** The creator's address (signs the config hash). */
  creator: string
  /** Default v1.11.0, charon's current version. */
  version?: ClusterVersion | undefined
  /** v1.8.0 and later: partial deposit amounts in gwei; default none (one 32 ETH deposit). */
  depositAmounts?: readonly bigint[] | undefined
  /** v1.9.0 and later; default "" (charon's default protocol). */
  consensusProtocol?: string | undefined
  /** v1.10.0 and later; default 36000000. */
  targetGasLimit?: number | undefined
  /** v1.10.0 and later: 0x02 withdrawal credentials; default false. */
  compounding?: boolean | undefined
  /** Default a random UUID (upper case, as charon writes it). */
  uuid?: string | undefined
  /** Default now, RFC 3339 to the second. */
  timestamp?: string | undefined
}

export type CreateDefinitionErrorType = ObolError

/**
 * A new, unsigned cluster definition as charon's `create dkg` writes it: operators with addresses
 * only (each adds its ENR and signatures with {@link signDefinition}), every validator with the same
 * fee recipient and withdrawal address, the config hash and definition hash set.
 */
export function createDefinition(parameters: CreateDefinitionParameters): ClusterDefinition {
  const version = parameters.version ?? 'v1.11.0'
  if (!clusterVersions.includes(version)) throw invalid(`version ${JSON.stringify(version)} is not supported`)
  const n = parameters.operators.length
  if (n < 1 || n > 256) throw invalid(`a cluster has 1 to 256 operators, got ${n}`)
  const operators = parameters.operators.map((address, i) => ({
    address: checkedAddress(address, `operators[${i}]`),
    enr: '',
    config_signature: '',
    enr_signature: '',
  }))
  if (new Set(operators.map((operator) => operator.address)).size !== n) throw invalid('an operator address repeats')
  const minimum = Math.ceil((2 * n) / 3)
  const threshold = parameters.threshold ?? minimum
  if (!Number.isInteger(threshold) || threshold < minimum || threshold > n)
    throw invalid(`threshold ${threshold} is outside ${minimum} (ceil(2n/3)) to ${n} for ${n} operators`)
  if (!Number.isInteger(parameters.validators) || parameters.validators < 1 || parameters.validators > 65536)
    throw invalid(`validators is 1 to 65536, got ${parameters.validators}`)
  const forkVersion = forkVersionOf(parameters.network)
  const addresses = {
    fee_recipient_address: checkedAddress(parameters.feeRecipient, 'feeRecipient'),
    withdrawal_address: checkedAddress(parameters.withdrawalAddress, 'withdrawalAddress'),
  }
  const minor = clusterVersions.indexOf(version) + 7
  const amounts = parameters.depositAmounts ?? []
  if (amounts.length > 0 && minor < 8) throw invalid('deposit amounts need v1.8.0 or later')
  assertDepositAmounts(amounts, parameters.compounding ?? false, 'OBOL_INVALID_INPUT')
  const definition: ClusterDefinition = {
    name: parameters.name,
    creator: { address: checkedAddress(parameters.creator, 'creator'), config_signature: '' },
    operators,
    uuid: parameters.uuid ?? randomUUID().toUpperCase(),
    version,
    timestamp: parameters.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    num_validators: parameters.validators,
    threshold,
    validators: Array.from({ length: parameters.validators }, () => ({ ...addresses })),
    dkg_algorithm: 'default',
    fork_version: forkVersion,
    ...(minor >= 8 ? { deposit_amounts: amounts.map(String) } : {}),
    ...(minor >= 9 ? { consensus_protocol: parameters.consensusProtocol ?? '' } : {}),
    ...(minor >= 10
      ? { target_gas_limit: parameters.targetGasLimit ?? 36_000_000, compounding: parameters.compounding ?? false }
      : {}),
    config_hash: '',
    definition_hash: '',
  }
  const { configHash, definitionHash } = hashDefinition(definition)
  return { ...definition, config_hash: configHash, definition_hash: definitionHash }
}

function forkVersionOf(network: string): string {
  const byName = Object.entries(obolChainIds).find(([, known]) => known.name === network)
  if (byName) return byName[0]
  if (/^0x[0-9a-fA-F]{8}$/.test(network)) {
    chainIdOfForkVersion(network)
    return network.toLowerCase()
  }
  throw invalid(`network ${JSON.stringify(network)} is neither a known name nor a fork version`)
}

function checkedAddress(address: string, field: string): string {
  if (!isAddress(address, { strict: false })) throw invalid(`${field} is not an address`)
  return getAddress(address)
}

function invalid(shortMessage: string): ObolError {
  return new ObolError({ code: 'OBOL_INVALID_INPUT', shortMessage })
}
