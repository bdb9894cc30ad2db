import { PublicKey, Signature, verify } from '@chainsafe/blst'
import { computeDepositDomain } from './computeDepositDomain.ts'
import { computeSigningRoot } from './computeSigningRoot.ts'
import { DepositData } from './DepositData.ts'
import type { DepositDataEntry, DepositDataField } from './DepositDataEntry.ts'
import type { DepositDataFinding } from './DepositDataFinding.ts'
import { DepositError, type DepositErrorCode } from './DepositError.ts'
import { DepositMessage } from './DepositMessage.ts'
import type { DepositNetwork } from './DepositNetwork.ts'
import { depositAmountRange } from './depositAmountRange.ts'
import { type DepositNetworkSetting, depositNetworks } from './depositNetworks.ts'

export type VerifyDepositDataOptions = {
  /** The network the deposits are for; each entry's `network_name` unless given. */
  network?: DepositNetwork | undefined
}

export type VerifyDepositDataReturnType = {
  /** No finding. */
  valid: boolean
  /** Entries checked. */
  count: number
  findings: DepositDataFinding[]
}

export type VerifyDepositDataErrorType = DepositError

/** Byte lengths of the hex fields. */
const HEX_FIELDS = {
  pubkey: 48,
  withdrawal_credentials: 32,
  signature: 96,
  deposit_message_root: 32,
  deposit_data_root: 32,
  fork_version: 4,
} as const satisfies Partial<Record<DepositDataField, number>>

type HexField = keyof typeof HEX_FIELDS

const networkOfForkVersion = (forkVersion: string): DepositNetworkSetting | undefined =>
  Object.values(depositNetworks).find((n) => n.genesisForkVersion.slice(2) === forkVersion.toLowerCase())

function networkSetting(name: string): DepositNetworkSetting | undefined {
  return Object.hasOwn(depositNetworks, name) ? depositNetworks[name as DepositNetwork] : undefined
}

/** Checks one entry's shape; the decoded bytes when every field is well-formed. */
function checkShape(
  entry: unknown,
  finding: (field: DepositDataFinding['field'], code: DepositErrorCode, message: string) => void,
): (Record<HexField, Uint8Array> & { amount: bigint; networkName: string }) | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    finding('entry', 'DEPOSIT_BAD_SHAPE', 'a deposit data entry is a JSON object')
    return undefined
  }
  const record = entry as Record<string, unknown>
  const bytes: Partial<Record<HexField, Uint8Array>> = {}
  let ok = true
  for (const [field, length] of Object.entries(HEX_FIELDS) as [HexField, number][]) {
    const value = record[field]
    if (typeof value !== 'string') {
      finding(
        field,
        'DEPOSIT_BAD_SHAPE',
        `${field} is ${value === undefined ? 'missing' : `a ${typeof value}`}, expected hex`,
      )
      ok = false
    } else if (!/^([0-9a-fA-F]{2})*$/.test(value)) {
      finding(field, 'DEPOSIT_BAD_SHAPE', `${field} is not hex (digits in pairs, without 0x)`)
      ok = false
    } else if (value.length !== length * 2) {
      finding(field, 'DEPOSIT_BAD_SHAPE', `${field} is ${value.length / 2} bytes, expected ${length}`)
      ok = false
    } else bytes[field] = Uint8Array.from(Buffer.from(value, 'hex'))
  }
  const amount = record['amount']
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    finding(
      'amount',
      'DEPOSIT_BAD_SHAPE',
      `amount is ${typeof amount === 'number' ? amount : `a ${typeof amount}`}, expected a whole number of gwei`,
    )
    ok = false
  }
  for (const field of ['network_name', 'deposit_cli_version'] as const) {
    if (typeof record[field] !== 'string') {
      finding(
        field,
        'DEPOSIT_BAD_SHAPE',
        `${field} is ${record[field] === undefined ? 'missing' : `a ${typeof record[field]}`}, expected a string`,
      )
      ok = false
    }
  }
  if (!ok) return undefined
  return {
    ...(bytes as Record<HexField, Uint8Array>),
    amount: BigInt(amount as number),
    networkName: record['network_name'] as string,
  }
}

function verifyEntry(entry: unknown, index: number, network: DepositNetwork | undefined): DepositDataFinding[] {
  const findings: DepositDataFinding[] = []
  const finding = (field: DepositDataFinding['field'], code: DepositErrorCode, message: string) =>
    findings.push({ index, field, code, message })
  const data = checkShape(entry, finding)
  if (data === undefined) return findings

  const forkVersion = Buffer.from(data.fork_version).toString('hex')
  const expected = networkSetting(network ?? data.networkName)
  if (expected === undefined) {
    finding(
      'network_name',
      'DEPOSIT_UNKNOWN_NETWORK',
      `unknown network ${JSON.stringify(data.networkName)} (known: ${Object.keys(depositNetworks).join(', ')})`,
    )
  } else {
    if (forkVersion !== expected.genesisForkVersion.slice(2)) {
      const other = networkOfForkVersion(forkVersion)
      finding(
        'fork_version',
        'DEPOSIT_WRONG_NETWORK',
        `fork_version ${forkVersion} is ${other ? `${other.name}'s` : "no known network's"}, not ${expected.name}'s (${expected.genesisForkVersion.slice(2)})`,
      )
    }
    if (data.networkName !== expected.name)
      finding(
        'network_name',
        'DEPOSIT_WRONG_NETWORK',
        `network_name is ${JSON.stringify(data.networkName)}, not ${JSON.stringify(expected.name)}`,
      )
  }

  const credentials = data.withdrawal_credentials
  const prefix = credentials[0]
  if ((prefix !== 0x01 && prefix !== 0x02) || credentials.subarray(1, 12).some((b) => b !== 0))
    finding(
      'withdrawal_credentials',
      'DEPOSIT_BAD_WITHDRAWAL_CREDENTIALS',
      `withdrawal_credentials are not 0x01 or 0x02, 11 zero bytes and an address (prefix 0x${(prefix ?? 0).toString(16).padStart(2, '0')})`,
    )
  const range = depositAmountRange(prefix !== 0x01)
  if (data.amount < range.min || data.amount > range.max)
    finding(
      'amount',
      'DEPOSIT_AMOUNT_OUT_OF_RANGE',
      `amount ${data.amount} gwei is outside ${range.min}..${range.max} gwei for 0x${(prefix ?? 0).toString(16).padStart(2, '0')} credentials`,
    )

  const message = { pubkey: data.pubkey, withdrawalCredentials: credentials, amount: data.amount }
  const messageRoot = DepositMessage.hashTreeRoot(message)
  if (Buffer.compare(messageRoot, data.deposit_message_root) !== 0)
    finding(
      'deposit_message_root',
      'DEPOSIT_BAD_ROOT',
      `deposit_message_root is not the DepositMessage root (${Buffer.from(messageRoot).toString('hex')})`,
    )
  const dataRoot = DepositData.hashTreeRoot({ ...message, signature: data.signature })
  if (Buffer.compare(dataRoot, data.deposit_data_root) !== 0)
    finding(
      'deposit_data_root',
      'DEPOSIT_BAD_ROOT',
      `deposit_data_root is not the DepositData root (${Buffer.from(dataRoot).toString('hex')})`,
    )

  let publicKey: PublicKey | undefined
  try {
    publicKey = PublicKey.fromBytes(data.pubkey, true)
  } catch {
    finding('pubkey', 'DEPOSIT_BAD_PUBKEY', 'pubkey is not a valid compressed BLS12-381 G1 point')
  }
  let signature: Signature | undefined
  try {
    signature = Signature.fromBytes(data.signature, true, true)
  } catch {
    finding('signature', 'DEPOSIT_BAD_SIGNATURE', 'signature is not a valid compressed BLS12-381 G2 point')
  }
  if (publicKey && signature) {
    // Over the expected network's domain: deposit data signed for another network fails here too.
    const domain = computeDepositDomain(
      (expected ?? { genesisForkVersion: `0x${forkVersion}` }).genesisForkVersion as `0x${string}`,
    )
    if (!verify(computeSigningRoot(messageRoot, domain), publicKey, signature))
      finding(
        'signature',
        'DEPOSIT_BAD_SIGNATURE',
        `signature does not verify for pubkey over ${expected ? `${expected.name}'s` : `fork version ${forkVersion}'s`} deposit domain`,
      )
  }
  return findings
}

/**
 * Checks deposit data as the beacon chain and the launchpad would: shape (hex, lengths, types),
 * the network (fork version and name), withdrawal credentials, the amount, both roots, the pubkey
 * and signature points, and the signature over the network's deposit domain. Takes one entry, a
 * list, or a file's text; problems come back as findings naming the entry and field. Throws
 * `DEPOSIT_BAD_SHAPE` only for text that is not JSON, and `DEPOSIT_UNKNOWN_NETWORK` for an unknown
 * `network` option.
 */
export function verifyDepositData(
  data: DepositDataEntry | readonly DepositDataEntry[] | string,
  options: VerifyDepositDataOptions = {},
): VerifyDepositDataReturnType {
  const { network } = options
  if (network !== undefined && networkSetting(network) === undefined)
    throw new DepositError({
      code: 'DEPOSIT_UNKNOWN_NETWORK',
      shortMessage: `unknown network ${JSON.stringify(String(network))}`,
      details: `known: ${Object.keys(depositNetworks).join(', ')}`,
    })
  let value: unknown = data
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data)
    } catch (cause) {
      throw new DepositError({
        code: 'DEPOSIT_BAD_SHAPE',
        shortMessage: 'deposit data is not JSON',
        details: cause instanceof Error ? cause.message : undefined,
        cause,
      })
    }
  }
  const entries: unknown[] = Array.isArray(value) ? value : [value]
  const findings: DepositDataFinding[] =
    entries.length === 0
      ? [
          {
            index: -1,
            field: 'file',
            code: 'DEPOSIT_BAD_SHAPE',
            message: 'the file holds no deposit data (an empty array)',
          },
        ]
      : entries.flatMap((entry, index) => verifyEntry(entry, index, network))
  return { valid: findings.length === 0, count: entries.length, findings }
}
