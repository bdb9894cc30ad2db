import { CliqueError } from '../errors/CliqueError.ts'

export type ParseQuantityOptions = {
  /** Largest width accepted: geth reads nonce/timestamp/gasLimit as uint64 and balances/difficulty as uint256. */
  bits?: 64 | 256
}

const HEX = /^0[xX]([0-9a-fA-F]+)$/
const DECIMAL = /^(0|[1-9][0-9]*)$/

/**
 * Reads a quantity the way geth's `HexOrDecimal64/256` does (`0x` hex or a decimal string, or a
 * JSON number) but refuses what geth silently accepts or misreads: an empty string or a bare `0x`
 * (geth reads `""` as 0), signs, whitespace, fractions, exponents, and numbers beyond 2^53 that
 * JSON has already rounded. Throws a `CliqueError` naming `path`.
 */
export function parseQuantity(value: unknown, path: string, options: ParseQuantityOptions = {}): bigint {
  const bits = options.bits ?? 256
  let result: bigint
  if (typeof value === 'bigint') {
    result = value
  } else if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new CliqueError({
        code: 'CLIQUE_QUANTITY_INVALID',
        shortMessage: 'quantity is not an integer',
        path,
        details: `got ${value}`,
      })
    }
    if (!Number.isSafeInteger(value)) {
      throw new CliqueError({
        code: 'CLIQUE_QUANTITY_INVALID',
        shortMessage: 'quantity is a JSON number beyond 2^53 and has lost precision',
        path,
        details: `got ${value}; write it as a "0x" hex or decimal string`,
      })
    }
    result = BigInt(value)
  } else if (typeof value === 'string') {
    if (value === '' || value === '0x' || value === '0X') {
      throw new CliqueError({
        code: 'CLIQUE_QUANTITY_EMPTY',
        shortMessage: 'quantity is empty',
        path,
        details: `got ${JSON.stringify(value)}`,
      })
    }
    if (value.startsWith('-')) {
      throw new CliqueError({
        code: 'CLIQUE_QUANTITY_NEGATIVE',
        shortMessage: 'quantity is negative',
        path,
        details: `got ${value}`,
      })
    }
    const hex = HEX.exec(value)
    if (hex) result = BigInt(`0x${hex[1]}`)
    else if (DECIMAL.test(value)) result = BigInt(value)
    else {
      throw new CliqueError({
        code: 'CLIQUE_QUANTITY_INVALID',
        shortMessage: /^0[xX]/.test(value) ? 'quantity has non-hex digits' : 'quantity is neither 0x hex nor decimal',
        path,
        details: `got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`,
      })
    }
  } else {
    throw new CliqueError({
      code: 'CLIQUE_QUANTITY_INVALID',
      shortMessage: 'quantity must be a string or a number',
      path,
      details: `got ${value === null ? 'null' : typeof value}`,
    })
  }
  if (result < 0n) {
    throw new CliqueError({
      code: 'CLIQUE_QUANTITY_NEGATIVE',
      shortMessage: 'quantity is negative',
      path,
      details: `got ${result}`,
    })
  }
  if (result >= 1n << BigInt(bits)) {
    throw new CliqueError({
      code: 'CLIQUE_QUANTITY_TOO_LARGE',
      shortMessage: `quantity does not fit in ${bits} bits`,
      path,
      details: `got ${result}`,
    })
  }
  return result
}
