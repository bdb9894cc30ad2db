import type { Address } from 'viem'
import type { SafeV141Contract } from './SafeV141Contract.ts'

/** Where each Safe v1.4.1 contract lives on a chain. */
export type SafeContracts = Record<SafeV141Contract['name'], Address>
