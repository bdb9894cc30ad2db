import { SsvRegistrationError } from './SsvRegistrationError.ts'

const UINT64_MAX = 2n ** 64n - 1n

/**
 * The operator ids of a cluster as SSVNetwork takes them: 4, 7, 10 or 13 of them (3f+1), each a
 * positive uint64, strictly ascending (the contract reverts `UnsortedOperatorsList` or
 * `OperatorsListNotUnique` otherwise, and the cluster's hash is over this exact order).
 */
export function assertOperatorIds(operatorIds: readonly (bigint | number)[]): bigint[] {
  const ids = operatorIds.map((id) => BigInt(id))
  if (![4, 7, 10, 13].includes(ids.length)) {
    throw new SsvRegistrationError({
      code: 'SSV_REGISTRATION_OPERATOR_IDS',
      shortMessage: `${ids.length} operator ids: a cluster has 4, 7, 10 or 13`,
    })
  }
  ids.forEach((id, position) => {
    if (id < 1n || id > UINT64_MAX) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_OPERATOR_IDS',
        shortMessage: `operator id ${id} is not a positive uint64`,
      })
    }
    const previous = ids[position - 1]
    if (previous !== undefined && previous >= id) {
      throw new SsvRegistrationError({
        code: 'SSV_REGISTRATION_OPERATOR_IDS',
        shortMessage: `operator ids ${ids.join(',')} are not strictly ascending`,
        details: previous === id ? `${id} is repeated` : `${previous} comes before ${id}`,
      })
    }
  })
  return ids
}
