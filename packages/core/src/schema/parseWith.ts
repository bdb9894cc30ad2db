import * as v from 'valibot'
import { isSecret } from '../secrets/isSecret.ts'
import { type SchemaIssue, SchemaValidationError } from './SchemaValidationError.ts'

export type ParseWithOptions = {
  /** The stable error code thrown on failure, e.g. `GENESIS_INVALID`. */
  code: string
  /** Names the input in the error message, e.g. `genesis`. */
  what: string
}

/** At most this many issues go into one error; the first ones are the useful ones. */
const MAX_ISSUES = 10

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (isSecret(value)) return 'Secret'
  return typeof value
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'string' || typeof item.key === 'number' ? String(item.key) : '?'))
    .join('.')
}

function expectedOf(issue: v.BaseIssue<unknown>): string {
  // valibot reports a missing key as `expected: '"name"'` with the input undefined
  if (issue.kind === 'schema' && issue.input === undefined && issue.expected?.startsWith('"'))
    return `required key ${issue.expected}`
  return issue.expected ?? issue.type
}

/**
 * Valibot's own messages quote the received value (`Expected string but received "abandon ..."`),
 * and a custom message may be a function of the input, so neither is used: the expectation comes
 * from `expected`, or, for a check without one, from the validation's name (e.g. `check`).
 */
function issuesOf(issues: readonly v.BaseIssue<unknown>[]): SchemaIssue[] {
  const flat: v.BaseIssue<unknown>[] = []
  for (const issue of issues) {
    // a union reports its branches as sub-issues; the branch paths say more than "one of"
    if (issue.type === 'union' && issue.issues?.length && issue.expected === null) flat.push(...issue.issues)
    else flat.push(issue)
  }
  return flat.slice(0, MAX_ISSUES).map((issue) => ({
    path: pathOf(issue),
    expected: expectedOf(issue),
    received: typeOf(issue.input),
  }))
}

/**
 * Parses `input` with a valibot schema and returns the typed output, or throws a
 * {@link SchemaValidationError} with the given `code` whose details name each failing path and
 * what was expected there, e.g. `alloc.0x12.balance: expected string, received number`.
 */
export function parseWith<const TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
  options: ParseWithOptions,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  throw new SchemaValidationError({ code: options.code, what: options.what, issues: issuesOf(result.issues) })
}
