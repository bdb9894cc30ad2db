import type { Secret } from '@chainops/core'
import { defaultLayout, type Layout, type SeedSource } from '@chainops/treasury'
import { bytesToHex, type LocalAccount } from 'viem'
import { HDKey, privateKeyToAccount } from 'viem/accounts'
import { KeysError } from './KeysError.ts'

export type DvtNodeAccountParameters = {
  /** The treasury seed (BIP-39 or SLIP-39); not wiped here, the caller owns it. */
  seedSource: SeedSource
  /** The path of a DVTNodeKeys role, e.g. `m/44'/60'/0'/0/0` (SSV cluster 1, operator 1; `h` for `'` too). */
  path: string
  /** The treasury layout (default: `defaultLayout()`); the path must be one of its DVTNodeKeys roles. */
  layout?: Layout | undefined
  /** The DVTNodeKeys tier's passphrase (default: the empty one). */
  passphrase?: string | Secret<string> | undefined
}

export type DvtNodeAccountReturnType = {
  /** Signs as the role's EOA. */
  account: LocalAccount
  /** The role, e.g. `SSVCluster1Operator1`. */
  role: string
}

export type DvtNodeAccountErrorType = KeysError

const TIER = 'DVTNodeKeys'
const normalise = (path: string) => path.trim().replace(/[hH]/g, "'")

/**
 * The EOA of one DVTNodeKeys role (SSV cluster N operator M at `(N-1)'/0/(M-1)` of the tier, Obol
 * cluster N operator M at `(10+N-1)'/0/(M-1)`), as a viem account that registers validators and
 * operators or signs cluster definitions. Only a path the layout names is derived
 * (`KEYS_LAYOUT_ROLE_UNKNOWN` otherwise); the tier seed and the BIP-32 nodes are wiped before
 * returning, the account keeps only its private key.
 */
export function dvtNodeAccount(parameters: DvtNodeAccountParameters): DvtNodeAccountReturnType {
  const layout = parameters.layout ?? defaultLayout()
  const path = normalise(parameters.path)
  const tier = layout.tiers.find((candidate) => candidate.name === TIER)
  const role = tier?.roles.find((candidate) => normalise(candidate.path) === path)
  if (!role) {
    throw new KeysError({
      code: 'KEYS_LAYOUT_ROLE_UNKNOWN',
      shortMessage: `${parameters.path} is not a ${TIER} role of the layout`,
      details: `${TIER} paths: ${(tier?.roles ?? []).map((candidate) => `${candidate.role} ${candidate.path}`).join(', ')}`,
    })
  }
  const seed = parameters.seedSource.seed(parameters.passphrase ?? '')
  let master: HDKey | undefined
  let child: HDKey | undefined
  try {
    master = HDKey.fromMasterSeed(seed.reveal())
    child = master.derive(path)
    const privateKey = child.privateKey as Uint8Array
    const account = privateKeyToAccount(bytesToHex(privateKey))
    return { account, role: role.role }
  } finally {
    seed.wipe()
    child?.wipePrivateData()
    master?.wipePrivateData()
  }
}
