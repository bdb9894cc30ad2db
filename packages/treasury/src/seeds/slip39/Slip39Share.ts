/** One decoded SLIP-39 share. `value` is secret: the caller wipes it. */
export type Slip39Share = {
  readonly identifier: number
  readonly extendable: boolean
  readonly iterationExponent: number
  readonly groupIndex: number
  readonly groupThreshold: number
  readonly groupCount: number
  readonly memberIndex: number
  readonly memberThreshold: number
  readonly value: Uint8Array
}
