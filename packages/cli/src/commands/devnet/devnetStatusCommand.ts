import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const devnetStatusCommand: Command = {
  path: ['devnet', 'status'],
  summary: 'show whether the background stack runs, and its endpoints',
  usage: 'chainops devnet status [--state FILE] [--json]',
  options: {
    ...devnetStateOptions,
    json: { type: 'boolean', description: "print the state file's JSON with the status" },
  },
  help: 'Exit code 0 when the stack is up and ready, 1 otherwise.',
  async run(input) {
    const { runDevnetStatus } = await import('./runDevnetStatus.ts')
    return runDevnetStatus(input)
  },
}
