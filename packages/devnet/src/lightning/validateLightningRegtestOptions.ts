import { DevnetError } from '../DevnetError.ts'
import type {
  LightningChannelOptions,
  LightningNodeOptions,
  StartLightningRegtestParameters,
} from './StartLightningRegtestParameters.ts'

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/
// lnd's --minchansize default and its wumbo ceiling (10 BTC).
const MIN_CAPACITY_SATS = 20_000n
const MAX_CAPACITY_SATS = 1_000_000_000n
const MAX_CHANNELS = 20

function bad(shortMessage: string): DevnetError {
  return new DevnetError({ code: 'DEVNET_BAD_OPTIONS', shortMessage })
}

/**
 * Checks `startLightningRegtest` options before anything starts and fills the defaults. Throws
 * `DEVNET_BAD_OPTIONS` naming the first problem.
 */
export function validateLightningRegtestOptions(parameters: StartLightningRegtestParameters): {
  nodes: LightningNodeOptions[]
  channels: LightningChannelOptions[]
} {
  if (typeof parameters !== 'object' || parameters === null) throw bad('options must be an object')
  const nodes = parameters.nodes ?? [{ name: 'alice' }, { name: 'bob' }]
  if (!Array.isArray(nodes) || nodes.length === 0) throw bad('nodes must be a non-empty array')
  const names = new Set<string>()
  for (const node of nodes) {
    if (typeof node?.name !== 'string' || !NAME.test(node.name)) {
      throw bad(`node name ${JSON.stringify(node?.name)} must be 1-32 letters, digits, - or _, starting with a letter`)
    }
    if (names.has(node.name)) throw bad(`node name ${node.name} appears twice`)
    if (node.neutrino !== undefined && typeof node.neutrino !== 'boolean')
      throw bad(`${node.name}.neutrino must be a boolean`)
    names.add(node.name)
  }
  const channels =
    parameters.channels ??
    (names.has('alice') && names.has('bob') ? [{ from: 'alice', to: 'bob', capacitySats: 1_000_000n }] : [])
  if (!Array.isArray(channels)) throw bad('channels must be an array')
  if (channels.length > MAX_CHANNELS) throw bad(`at most ${MAX_CHANNELS} channels`)
  for (const [index, channel] of channels.entries()) {
    const where = `channels[${index}]`
    if (!names.has(channel?.from)) throw bad(`${where}.from ${JSON.stringify(channel?.from)} is not a node`)
    if (!names.has(channel.to)) throw bad(`${where}.to ${JSON.stringify(channel.to)} is not a node`)
    if (channel.from === channel.to) throw bad(`${where} opens a channel from ${channel.from} to itself`)
    if (typeof channel.capacitySats !== 'bigint') throw bad(`${where}.capacitySats must be a bigint`)
    if (channel.capacitySats < MIN_CAPACITY_SATS || channel.capacitySats > MAX_CAPACITY_SATS) {
      throw bad(
        `${where}.capacitySats must be ${MIN_CAPACITY_SATS} to ${MAX_CAPACITY_SATS}, got ${channel.capacitySats}`,
      )
    }
    const push = channel.pushSats ?? 0n
    if (typeof push !== 'bigint') throw bad(`${where}.pushSats must be a bigint`)
    if (push < 0n || push >= channel.capacitySats) {
      throw bad(`${where}.pushSats must be at least 0 and below the capacity, got ${push}`)
    }
  }
  return { nodes: nodes.map((node) => ({ ...node })), channels: channels.map((channel) => ({ ...channel })) }
}
