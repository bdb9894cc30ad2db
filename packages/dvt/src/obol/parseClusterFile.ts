import * as v from 'valibot'
import { clusterVersions } from './clusterVersions.ts'
import { ObolError } from './ObolError.ts'

/**
 * Parses JSON text or a value against a cluster file schema: an unknown version is refused as such,
 * any other misfit names the first field that does not fit.
 */
export function parseClusterFile<TSchema extends v.GenericSchema>(
  input: unknown,
  schema: TSchema,
  what: 'definition' | 'lock',
): v.InferOutput<TSchema> {
  let value = input
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input)
    } catch (cause) {
      throw new ObolError({ code: 'OBOL_BAD_SHAPE', shortMessage: `a cluster ${what} is JSON`, cause })
    }
  }
  const version = versionOf(value, what)
  if (!(clusterVersions as readonly unknown[]).includes(version))
    throw new ObolError({
      code: 'OBOL_UNSUPPORTED_VERSION',
      shortMessage: `cluster ${what} version ${JSON.stringify(version)} is not supported`,
      details: `supported: ${clusterVersions.join(', ')}`,
    })
  const result = v.safeParse(schema, value)
  if (!result.success) {
    const [issue] = result.issues
    const field = (issue && v.getDotPath(issue)) || '(root)'
    throw new ObolError({
      code: 'OBOL_BAD_SHAPE',
      shortMessage: `cluster ${what} field ${field} is not valid`,
      details: `${field}: ${issue?.message ?? 'invalid'}`,
    })
  }
  return result.output
}

function versionOf(value: unknown, what: 'definition' | 'lock'): unknown {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  if (what === 'definition') return record.version
  const definition = record.cluster_definition
  return typeof definition === 'object' && definition !== null
    ? (definition as Record<string, unknown>).version
    : undefined
}
