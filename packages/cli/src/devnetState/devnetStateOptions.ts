import type { CommandOptions } from '../framework/Command.ts'

/** `--state`, the flag of every command that reads or writes the devnet state file (see devnetStatePath). */
export const devnetStateOptions: CommandOptions = {
  state: {
    type: 'string',
    value: 'FILE',
    description: 'the devnet state file',
    default: '.chainops/devnet.json, or $CHAINOPS_DEVNET_STATE',
  },
}
