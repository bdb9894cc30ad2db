/**
 * What chainops needs of an ethers v6 provider: its raw JSON-RPC `send` (every
 * `JsonRpcApiProvider`: `JsonRpcProvider`, `WebSocketProvider`, `BrowserProvider`) and
 * `getNetwork`. Structural, so that accepting one neither installs nor loads ethers.
 */
export type EthersProvider = {
  send(method: string, params: unknown[] | Record<string, unknown>): Promise<unknown>
  getNetwork(): Promise<{ readonly chainId: bigint }>
}
