import type { Command } from '../../framework/Command.ts'

export const depositVerifyCommand: Command = {
  path: ['deposit', 'verify'],
  summary: 'check a deposit_data-*.json: shape, network, credentials, amount, both roots and every signature',
  usage: 'chainops deposit verify FILE [--network mainnet|holesky|hoodi] [--json]',
  options: {
    network: {
      type: 'string',
      value: 'NAME',
      description: 'the network the deposits must be for (fork version, name and signature domain)',
      default: 'the network each entry names in network_name',
    },
    json: {
      type: 'boolean',
      description: 'print { file, valid, count, findings: [{ index, field, code, message }] } as JSON',
    },
  },
  help: 'Exit code 0 when every deposit is valid, 1 with findings (or a file that is not JSON), 2 for bad usage.',
  async run(input) {
    const { runDepositVerify } = await import('./runDepositVerify.ts')
    return runDepositVerify(input)
  },
}
