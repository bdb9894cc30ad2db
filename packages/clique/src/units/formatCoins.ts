import { WEI_PER_COIN } from '@chainops/core'

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * An exact amount of coins from wei, with thousands separators and every significant decimal:
 * `30000000000n * 10n**18n` -> `30,000,000,000`; `1n` -> `0.000000000000000001`. No floats.
 */
export function formatCoins(wei: bigint): string {
  const sign = wei < 0n ? '-' : ''
  const abs = wei < 0n ? -wei : wei
  const whole = groupThousands((abs / WEI_PER_COIN).toString())
  const fraction = (abs % WEI_PER_COIN).toString().padStart(18, '0').replace(/0+$/, '')
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`
}
