import { defaultLayoutSpec } from './defaultLayoutSpec.ts'
import type { Layout } from './Layout.ts'
import { resolveLayout } from './resolveLayout.ts'

/** The source's layout resolved: every tier and role with its path. */
export function defaultLayout(): Layout {
  return resolveLayout(defaultLayoutSpec())
}
