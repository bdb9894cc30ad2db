import { type Address, getAddress, isAddress } from 'viem'
import { LightningError, type LightningErrorCode } from '../errors/LightningError.ts'

/**
 * The sending keys' addresses as a setting: one address or a list of K >= 1, each an address,
 * none listed twice (in any letter case). Refused with `code`, naming `setting`.
 */
export function resolveSendingKeys(
  senders: string | readonly string[],
  setting: string,
  code: LightningErrorCode,
): readonly Address[] {
  const list = typeof senders === 'string' ? [senders] : senders
  const invalid = (details: string) =>
    new LightningError({ code, shortMessage: `Invalid ${setting}`, details: `${setting}: ${details}` })
  if (!Array.isArray(list) || list.length === 0) throw invalid('at least one sending key is needed (K = 0)')
  const seen = new Map<string, number>()
  return list.map((sender, index) => {
    if (typeof sender !== 'string' || !isAddress(sender, { strict: false }))
      throw invalid(`entry ${index} is not an address`)
    const address = getAddress(sender)
    const earlier = seen.get(address)
    if (earlier !== undefined) throw invalid(`${address} is listed twice (entries ${earlier} and ${index})`)
    seen.set(address, index)
    return address
  })
}
