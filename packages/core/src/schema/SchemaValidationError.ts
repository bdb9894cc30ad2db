import { ChainopsError } from '../errors/ChainopsError.ts'

/** One problem found by a schema: where (a dot path such as `alloc.0x12.balance`) and what was expected. */
export type SchemaIssue = {
  /** Dot path from the root of the input; empty for the root itself. */
  path: string
  /** What the schema wanted there, in words or valibot's notation (`string`, `"a" | "b"`, `>=1`). */
  expected: string
  /** The JavaScript type found there (`number`, `undefined`, `object`), never the value. */
  received: string
}

export type SchemaValidationErrorParameters = {
  code: string
  /** Names the input, e.g. `genesis` or `config file`. */
  what: string
  issues: readonly SchemaIssue[]
  cause?: unknown
}

/**
 * Input failed its schema. The caller chooses the stable `code`; `issues` and `details` say where
 * and what was expected, and only the type of what was found: values are never echoed, because
 * the field might have held a secret.
 */
export class SchemaValidationError extends ChainopsError {
  override name = 'SchemaValidationError'
  readonly issues: readonly SchemaIssue[]

  constructor(parameters: SchemaValidationErrorParameters) {
    const { code, what, issues, cause } = parameters
    super({
      code,
      shortMessage: `Invalid ${what}`,
      details: issues
        .map((issue) => `${issue.path || '(root)'}: expected ${issue.expected}, received ${issue.received}`)
        .join('; '),
      cause,
    })
    this.issues = issues
  }
}
