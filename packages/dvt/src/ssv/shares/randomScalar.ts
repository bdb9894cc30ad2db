import { randomBytes } from 'node:crypto'
import { BLS_CURVE_ORDER } from '../../keys/BLS_CURVE_ORDER.ts'
import { bytesToScalar } from './bytesToScalar.ts'

/**
 * A uniform scalar in [1, r) from node:crypto. Rejection sampling, not `% r`: r is just under
 * 2^255, so 255 random bits are kept and a draw >= r (about one in ten) or zero is drawn again;
 * reducing 256 bits mod r instead would make the low half of the field twice as likely.
 */
export function randomScalar(): bigint {
  for (;;) {
    const bytes = randomBytes(32)
    bytes[0] = (bytes[0] as number) & 0x7f
    const value = bytesToScalar(bytes)
    bytes.fill(0)
    if (value !== 0n && value < BLS_CURVE_ORDER) return value
  }
}
