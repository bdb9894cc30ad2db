import { devnetStateOptions } from '../../devnetState/devnetStateOptions.ts'
import type { Command } from '../../framework/Command.ts'

export const devnetDownCommand: Command = {
  path: ['devnet', 'down'],
  summary: 'stop the background stack: its runner stops every daemon by PID',
  usage: 'chainops devnet down [--state FILE]',
  options: {
    ...devnetStateOptions,
  },
  async run(input) {
    const { runDevnetDown } = await import('./runDevnetDown.ts')
    return runDevnetDown(input)
  },
}
