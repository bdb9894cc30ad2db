const node = '.tools/node/bin/node examples/'

/** Each program of examples/ (and the stack commands around them) with what it shows. */
const runs: ReadonlyArray<readonly [command: string, shows: string]> = [
  [`${node}genesis-to-network.ts [genesis.json]`, 'plan, build, lint a genesis; 3 sealers + RPC node; sealer health'],
  ['bin/chainops devnet up', 'the stack the examples below read (.chainops/devnet.json)'],
  [`${node}invoice-to-mint.ts [sats]`, 'what this demo did, with the SDK'],
  [`${node}treasury-rewards.ts [coins]`, 'reward Safe + split, 2-of-3 routing, who got what'],
  [`${node}ssv-and-obol.ts [definition.json]`, 'SSV shares registered; an Obol definition signed and verified'],
  [
    `${node}ethers.ts [coins]`,
    'ethers v6 provider and wallets where the SDK takes viem: sealer health, a Safe payment',
  ],
  ['bin/chainops devnet down', 'stops the stack'],
]

/**
 * The lines `chainops demo` ends with: how to run each program of examples/ (from the repository
 * root, with the project's Node), the ones that read a running stack after `chainops devnet up`.
 */
export function formatExampleRuns(): string {
  const width = Math.max(...runs.map(([command]) => command.length)) + 3
  return [
    'next: the examples (examples/README.md; the Lambda handlers are in examples/lambda/), from the repository root:',
    ...runs.map(([command, shows]) => `  ${command.padEnd(width)}${shows}`),
  ].join('\n')
}
