/**
 * The lines `chainops demo` ends with: how to run each program of examples/ (from the repository
 * root, with the project's Node), the ones that read a running stack after `chainops devnet up`.
 */
export function formatExampleRuns(): string {
  return [
    'next: the examples (examples/README.md), from the repository root:',
    '  .tools/node/bin/node examples/genesis-to-network.ts [genesis.json]   plan, build, lint a genesis; 3 sealers + RPC node; sealer health',
    '  bin/chainops devnet up                                                  the stack the examples below read (.chainops/devnet.json)',
    '  .tools/node/bin/node examples/invoice-to-mint.ts [sats]               what this demo did, with the SDK',
    '  .tools/node/bin/node examples/treasury-rewards.ts [coins]             reward Safe + split, 2-of-3 routing, who got what',
    '  .tools/node/bin/node examples/ssv-and-obol.ts [definition.json]       SSV shares registered; an Obol definition signed and verified',
    '  bin/chainops devnet down',
  ].join('\n')
}
