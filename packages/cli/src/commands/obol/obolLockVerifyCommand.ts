import type { Command } from '../../framework/Command.ts'

export const obolLockVerifyCommand: Command = {
  path: ['obol', 'lock', 'verify'],
  summary:
    'check a cluster lock: hashes, the definition, the BLS aggregate over the lock hash, deposits, builder registrations, node signatures',
  usage: 'chainops obol lock verify FILE [--json]',
  options: {
    json: {
      type: 'boolean',
      description: 'print { file, valid, version, hashes, signatures, deposits } or { file, valid, error } as JSON',
    },
  },
  help: 'Exit code 0 when valid, 1 when not (the first bad hash or signature is named), 2 for bad usage. The threshold must be from ceil(2n/3) to n.',
  async run(input) {
    const { runObolLockVerify } = await import('./runObolLockVerify.ts')
    return runObolLockVerify(input)
  },
}
