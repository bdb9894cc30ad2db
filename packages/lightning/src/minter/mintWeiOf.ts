import { Rational } from '@chainops/core'

export type MintWeiOfParameters = {
  /** What lnd received, in msat (overpayment included). */
  receivedMsat: bigint
  /** Wei per sat, exact. */
  rate: Rational
}

const msatPerSat = new Rational(1n, 1000n)

/** floor(receivedMsat * rate / 1000): the wei a payment mints, exact, never rounded up. */
export function mintWeiOf(parameters: MintWeiOfParameters): bigint {
  const { receivedMsat, rate } = parameters
  return rate.mul(msatPerSat).applyFloor(receivedMsat)
}
