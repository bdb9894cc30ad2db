/**
 * The geth `--config` TOML for a devnet node: every other node is a static and trusted peer, and
 * the peer limits are set to exactly that many. Why the limits: geth only starts a chain sync
 * early once it has min(5, MaxPeers) peers (otherwise it waits for a forced sync every 10 s), so
 * MaxPeers = number of other nodes lets a node that missed the first blocks catch up at once.
 * DialRatio 1 lets a node dial all of them; trusted peers pass the inbound limit that leaves.
 */
export function gethConfigToml(peers: readonly string[]): string {
  const list = peers.map((enode) => JSON.stringify(enode)).join(', ')
  return [
    '[Node.P2P]',
    `MaxPeers = ${peers.length}`,
    'DialRatio = 1',
    `StaticNodes = [${list}]`,
    `TrustedNodes = [${list}]`,
    '',
  ].join('\n')
}
