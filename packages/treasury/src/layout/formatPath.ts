export type FormatPathParameters = { coinType: number; account: number; change: number; index: number }

/** The BIP-44 path of a role in Trezor's notation: `m/44'/60'/0'/0/1`. */
export function formatPath(parameters: FormatPathParameters): string {
  const { coinType, account, change, index } = parameters
  return `m/44'/${coinType}'/${account}'/${change}/${index}`
}
