import type { StackEndpoints } from '@chainops/devnet'

/** The human view of a running stack's endpoints (the JSON form is the state file itself). */
export function formatEndpoints(endpoints: StackEndpoints, statePath: string): string {
  const lines: string[] = []
  if (endpoints.geth) {
    const g = endpoints.geth
    lines.push(`geth clique   chainId ${g.chainId}, period ${g.period}s`)
    lines.push(`  rpc node    ${g.rpcUrl}`)
    for (const s of g.sealers) lines.push(`  sealer      ${s.rpcUrl}  ${s.address}`)
    lines.push(`  faucet      ${g.faucet.address} (key file ${g.faucet.keyFile})`)
  }
  if (endpoints.lightning) {
    const l = endpoints.lightning
    lines.push(`btcd regtest  ${l.btcd.rpcUrl}`)
    for (const [name, n] of Object.entries(l.nodes)) {
      lines.push(`  lnd ${name.padEnd(7)} ${n.socket}  ${n.publicKey}${n.neutrino ? ' (neutrino)' : ''}`)
    }
  }
  if (endpoints.moto) lines.push(`moto (AWS)    ${endpoints.moto.endpoint}  region ${endpoints.moto.region}`)
  lines.push(`state file    ${statePath}`)
  return lines.join('\n')
}
