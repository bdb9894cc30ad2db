import type { ClusterDefinition } from './ClusterDefinition.ts'
import { clusterDefinitionSchema } from './clusterSchemas.ts'
import type { ObolError } from './ObolError.ts'
import { parseClusterFile } from './parseClusterFile.ts'

export type ParseClusterDefinitionErrorType = ObolError

/**
 * A cluster definition from its JSON text or parsed value, checked field by field (`OBOL_BAD_SHAPE`
 * naming the field; `OBOL_UNSUPPORTED_VERSION` for a version other than v1.7.0 to v1.11.0).
 */
export function parseClusterDefinition(input: unknown): ClusterDefinition {
  return parseClusterFile(input, clusterDefinitionSchema, 'definition')
}
