import { defaultLayout, type Layout, type SeedSource } from '@chainops/treasury'
import type { PrivateKeyAccount } from 'viem/accounts'
import { dvtNodeAccount } from '../keys/dvtNodeAccount.ts'
import { ObolError } from './ObolError.ts'

export type ObolOperatorAccountParameters = {
  /** The treasury seed (e.g. `bip39SeedSource(mnemonic)`). */
  seed: SeedSource
  /** Obol cluster number N, from 1. */
  cluster: number
  /** Operator number M in the cluster, from 1. */
  operator: number
  /** The DVTNodeKeys tier's passphrase; default none. */
  passphrase?: string | undefined
  /** Default the treasury's default layout (Obol cluster N operator M at `m/44'/60'/(10+N-1)'/0/(M-1)`). */
  layout?: Layout | undefined
}

export type ObolOperatorAccountErrorType = ObolError

/**
 * The signing account of Obol cluster N operator M: the `ObolClusterNOperatorM` role of the
 * treasury's DVTNodeKeys tier, derived from the seed at the layout's path. The seed and HD nodes are
 * wiped; the returned account keeps the private key for signing (drop it when done).
 */
export function obolOperatorAccount(parameters: ObolOperatorAccountParameters): PrivateKeyAccount {
  const layout = parameters.layout ?? defaultLayout()
  const name = `ObolCluster${parameters.cluster}Operator${parameters.operator}`
  const role = layout.tiers
    .find((tier) => tier.name === 'DVTNodeKeys')
    ?.roles.find((candidate) => candidate.role === name)
  if (!role)
    throw new ObolError({
      code: 'OBOL_INVALID_INPUT',
      shortMessage: `the layout has no ${name} role in the DVTNodeKeys tier`,
    })
  return dvtNodeAccount({
    seedSource: parameters.seed,
    path: role.path,
    layout,
    ...(parameters.passphrase === undefined ? {} : { passphrase: parameters.passphrase }),
  }).account as PrivateKeyAccount
}
