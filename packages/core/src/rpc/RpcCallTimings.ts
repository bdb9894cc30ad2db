/**
 * One timed JSON-RPC call over a fresh connection, in milliseconds from the start of the call, as
 * curl's `-w` reports them: each time includes the ones before it.
 */
export type RpcCallTimings = {
  /** Name resolved (curl's `time_namelookup`); 0 for an IP address, which needs no lookup. */
  dnsMs: number
  /** TCP connected (`time_connect`). */
  connectMs: number
  /** TLS handshake done (`time_appconnect`); `null` over plain http. */
  tlsMs: number | null
  /** The response head received (`time_starttransfer`). */
  firstByteMs: number
  /** The whole response read (`time_total`). */
  totalMs: number
}
