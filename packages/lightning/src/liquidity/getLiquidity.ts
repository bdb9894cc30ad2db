import { type AuthenticatedLnd, getChannels } from 'lightning'
import { type LndRetryOptions, withLndRetry } from '../errors/withLndRetry.ts'

export type GetLiquidityParameters = {
  /** Needs `offchain:read`. */
  lnd: AuthenticatedLnd
  retry?: LndRetryOptions | undefined
}

export type GetLiquidityReturnType = {
  /** What the node can still receive over its active channels: the peers' balances above their reserves. */
  inboundSats: bigint
  /** What the node can send over its active channels: its balances above its own reserves. */
  outboundSats: bigint
  /** Active channels counted. */
  activeChannels: number
}

/**
 * Inbound and outbound liquidity over the node's active channels, so an operator can rebalance
 * before users are turned away and `createInvoice` can refuse what the node cannot receive. A
 * balance held as the channel reserve cannot move, so it is left out.
 */
export async function getLiquidity(parameters: GetLiquidityParameters): Promise<GetLiquidityReturnType> {
  const { lnd, retry } = parameters
  const { channels } = await withLndRetry(() => getChannels({ lnd, is_active: true }), {
    ...retry,
    what: 'list channels',
  })
  let inboundSats = 0n
  let outboundSats = 0n
  for (const channel of channels) {
    const inbound = BigInt(channel.remote_balance) - BigInt(channel.remote_reserve)
    const outbound = BigInt(channel.local_balance) - BigInt(channel.local_reserve)
    if (inbound > 0n) inboundSats += inbound
    if (outbound > 0n) outboundSats += outbound
  }
  return { inboundSats, outboundSats, activeChannels: channels.length }
}
