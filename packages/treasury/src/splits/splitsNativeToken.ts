/** The address SplitsV2 uses for ETH in `distribute`, `getSplitBalance` and its events. */
export const splitsNativeToken = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE' as const
