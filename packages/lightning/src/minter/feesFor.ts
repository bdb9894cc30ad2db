import { GWEI, type MinterGasSettings, type MintFees } from './MinterGasSettings.ts'

/** The fees of a first signature, from the latest base fee and the settings. */
export function feesFor(baseFeePerGas: bigint, settings: MinterGasSettings = {}): MintFees {
  const tip = settings.maxPriorityFeePerGas ?? GWEI
  const ceiling = settings.maxFeePerGasCeiling ?? 1000n * GWEI
  const cap = settings.maxFeePerGas ?? baseFeePerGas * (settings.baseFeeMultiplier ?? 3n) + tip
  const maxFeePerGas = cap > ceiling ? ceiling : cap
  return { maxFeePerGas, maxPriorityFeePerGas: tip > maxFeePerGas ? maxFeePerGas : tip }
}
