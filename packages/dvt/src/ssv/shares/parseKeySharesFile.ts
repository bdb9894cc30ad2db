import * as v from 'valibot'
import type { Hex } from 'viem'
import type { KeySharesFile } from './KeySharesFile.ts'
import { SsvSharesError } from './SsvSharesError.ts'

const hex = v.custom<Hex>((input) => typeof input === 'string' && /^0x(?:[0-9a-fA-F]{2})*$/.test(input), 'hex')
const id = v.pipe(v.number(), v.safeInteger(), v.minValue(1))
const itemSchema = v.object({
  data: v.object({
    ownerNonce: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    ownerAddress: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/)),
    publicKey: hex,
    operators: v.array(v.object({ id, operatorKey: v.string() })),
  }),
  payload: v.object({ publicKey: hex, operatorIds: v.array(id), sharesData: hex }),
})
const fileSchema = v.object({
  version: v.pipe(v.string(), v.regex(/^v1\.1\.\d+$/)),
  createdAt: v.string(),
  shares: v.pipe(v.array(itemSchema), v.minLength(1)),
})

/**
 * A keyshares file (JSON text or parsed) in the ssv-keys v1.1 format, typed. Only the shape is
 * checked here (`SSV_SHARES_FILE_FORMAT`, naming the first failing paths); what the content means
 * is {@link verifyShares}' job.
 */
export function parseKeySharesFile(input: unknown): KeySharesFile {
  let body = input
  if (typeof input === 'string')
    try {
      body = JSON.parse(input)
    } catch (cause) {
      throw new SsvSharesError({
        code: 'SSV_SHARES_FILE_FORMAT',
        shortMessage: 'the keyshares file is not JSON',
        cause,
      })
    }
  const result = v.safeParse(fileSchema, body)
  if (result.success) return result.output
  const where = result.issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${(issue.path ?? []).map((item) => String(item.key)).join('.') || '$'}: expected ${issue.expected ?? issue.type}`,
    )
  throw new SsvSharesError({
    code: 'SSV_SHARES_FILE_FORMAT',
    shortMessage: 'not a keyshares file in the ssv-keys v1.1 format',
    details: where.join('; '),
  })
}
