/** Wei per coin: a chain's native coin has 18 decimals, like ether. */
export const WEI_PER_COIN: bigint = 10n ** 18n
