import type { Command } from '../../framework/Command.ts'

export const rpcProbeCommand: Command = {
  path: ['rpc', 'probe'],
  summary:
    "times each JSON-RPC endpoint's DNS, connect, TLS, first byte and total (curl -w style), reads eth_syncing and its head lag, and names the primary",
  usage: 'chainops rpc probe URL... [--calls N] [--timeout-ms T] [--cacert FILE] [--json]',
  options: {
    calls: {
      type: 'string',
      value: 'N',
      description: 'timed eth_syncing calls per endpoint, each over a fresh connection (1 to 1000)',
      default: '5',
    },
    'timeout-ms': {
      type: 'string',
      value: 'T',
      description: 'budget of each call, connection included, in milliseconds (1 to 600000)',
      default: '5000',
    },
    cacert: {
      type: 'string',
      value: 'FILE',
      description: "PEM certificates to trust for https instead of the system's, as curl's --cacert",
      default: 'the default roots',
    },
    json: { type: 'boolean', description: 'print the report as JSON (heads and lags as decimal strings)' },
  },
  help: [
    'Measures endpoints the way the source does with curl -w before it picks the primary EL endpoint of a DVT node:',
    'per endpoint, --calls eth_syncing calls one after another, each on a new connection, so each pays for DNS,',
    'TCP connect and the TLS handshake; every time is from the start of the call (curl: time_namelookup,',
    'time_connect, time_appconnect, time_starttransfer, time_total), shown as median/worst in ms. Then',
    'eth_blockNumber from every endpoint at once; LAG is how far each head is behind the highest.',
    'An endpoint is down at its first failed call (refused, timed out, DNS, TLS, HTTP status, not JSON, a JSON-RPC',
    'error), with the reason. PRIMARY: among the endpoints that are up and not syncing, the smallest lag, then the',
    'lowest median total, then the first given. A user:password in a URL is shown as ***@.',
    'Exit code 1 when an endpoint is down or none can be primary (all down or syncing); 0 otherwise.',
  ].join('\n'),
  async run(input) {
    const { runRpcProbe } = await import('./runRpcProbe.ts')
    return runRpcProbe(input)
  },
}
