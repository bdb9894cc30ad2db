export type LightningNodeOptions = {
  /** A short name (letters, digits, `-`, `_`), used for the directory and the alias. */
  name: string
  /** Use neutrino (compact filters from btcd's p2p port) instead of btcd's RPC. */
  neutrino?: boolean
}

export type LightningChannelOptions = {
  from: string
  to: string
  /** 20,000 sats to 10 BTC (wumbo channels are on). */
  capacitySats: bigint
  /** Given to `to` at opening, below the capacity. */
  pushSats?: bigint
}

export type StartLightningRegtestParameters = {
  /** Default `alice` and `bob`, both on btcd's RPC. */
  nodes?: readonly LightningNodeOptions[]
  /** Default one channel `alice` -> `bob` of 1,000,000 sats when both exist, otherwise none. */
  channels?: readonly LightningChannelOptions[]
  /** Where to put everything; default a fresh temp dir, removed by `stop()`. A given dir is kept. */
  dir?: string
  /** Names the temp dir (`chainops-<label>-…`). */
  label?: string
}
