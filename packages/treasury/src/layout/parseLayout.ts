import * as v from 'valibot'
import { TreasuryError } from '../errors/TreasuryError.ts'
import type { Layout } from './Layout.ts'
import { LayoutSpecSchema } from './LayoutSpecSchema.ts'
import { resolveLayout } from './resolveLayout.ts'

export type ParseLayoutErrorType = TreasuryError

/**
 * Validates a layout spec (a JSON string or an already parsed value) and resolves it. Missing
 * fields take the source's defaults, so `{"MasterAdminVault": {"safeOwners": 5}}` is a whole layout.
 */
export function parseLayout(input: unknown): Layout {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (cause) {
      throw new TreasuryError({ code: 'LAYOUT_INVALID', shortMessage: 'layout is not valid JSON', cause })
    }
  }
  const result = v.safeParse(LayoutSpecSchema, value)
  if (!result.success) {
    throw new TreasuryError({
      code: 'LAYOUT_INVALID',
      shortMessage: 'layout does not match the schema',
      metaMessages: result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
    })
  }
  return resolveLayout(result.output)
}
