import type { KeyObject } from 'node:crypto'
import type { KeySharesOperator } from './KeySharesFile.ts'
import { parseOperatorKey } from './parseOperatorKey.ts'
import { SsvSharesError } from './SsvSharesError.ts'
import { sharesThreshold } from './sharesThreshold.ts'
import { sortOperatorIds } from './sortOperatorIds.ts'

export type AssertClusterReturnType = {
  /** The operators sorted by id. */
  operators: KeySharesOperator[]
  /** Shares needed to sign. */
  threshold: number
  /** Each operator's key, parsed, by operator id. */
  operatorKeys: Map<number, KeyObject>
}

/**
 * The checks a cluster's operators must pass before a key is split for them: ids positive and
 * distinct (`SSV_SHARES_OPERATOR_ID`, `SSV_SHARES_DUPLICATE_OPERATOR`), 4, 7, 10 or 13 of them
 * (`SSV_SHARES_OPERATOR_COUNT`), each key an RSA-2048 public key in the SSV form and no key twice
 * (`SSV_SHARES_OPERATOR_KEY`, `SSV_SHARES_DUPLICATE_OPERATOR`). Cheap: run it before decrypting keystores.
 */
export function assertCluster(operators: readonly KeySharesOperator[]): AssertClusterReturnType {
  const ids = sortOperatorIds(operators.map((operator) => operator.id))
  const threshold = sharesThreshold(ids.length)
  const sorted = ids.map((id) => {
    const operator = operators.find((item) => item.id === id) as KeySharesOperator
    return { id, operatorKey: operator.operatorKey }
  })
  const seen = new Map<string, number>()
  const operatorKeys = new Map<number, KeyObject>()
  for (const operator of sorted) {
    operatorKeys.set(operator.id, parseOperatorKey({ operatorId: operator.id, operatorKey: operator.operatorKey }))
    const other = seen.get(operator.operatorKey)
    if (other !== undefined)
      throw new SsvSharesError({
        code: 'SSV_SHARES_DUPLICATE_OPERATOR',
        shortMessage: `operators ${other} and ${operator.id} have the same operator key`,
        details: 'one operator key belongs to one operator id',
      })
    seen.set(operator.operatorKey, operator.id)
  }
  return { operators: sorted, threshold, operatorKeys }
}
