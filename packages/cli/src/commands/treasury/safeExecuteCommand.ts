import type { Command } from '../../framework/Command.ts'
import { safeFileFlowHelp } from '../../help/safeFileFlowHelp.ts'
import { rpcOptions } from '../../rpc/rpcOptions.ts'

export const safeExecuteCommand: Command = {
  path: ['safe', 'execute'],
  summary: 'execute a Safe transaction file once it holds the threshold of owner signatures',
  usage: 'chainops safe execute TX.json [MORE.json ...] --rpc URL --key-file FILE [--json]',
  options: {
    ...rpcOptions,
    'key-file': {
      type: 'string',
      value: 'FILE',
      description: 'the 0x private key that sends execTransaction and pays its gas, mode 600',
      required: true,
    },
    json: { type: 'boolean', description: 'print { hash, safeTxHash, blockNumber, signers } as JSON' },
  },
  help: [
    'Several files are copies of one transaction signed apart: their signatures are collected first. Every',
    'signature is checked against the owners and the threshold before anything is sent',
    '(SAFE_THRESHOLD_NOT_MET, SAFE_SIGNER_NOT_OWNER, SAFE_SIGNATURE_MISMATCH: exit 1).',
    '',
    safeFileFlowHelp,
  ].join('\n'),
  async run(input) {
    const { runSafeExecute } = await import('./runSafeExecute.ts')
    return runSafeExecute(input)
  },
}
