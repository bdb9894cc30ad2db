import type { CommandOptions } from '../framework/Command.ts'

/** `--layout`, the flag readLayoutOption reads, for the treasury commands that derive from a layout. */
export const layoutOptions: CommandOptions = {
  layout: {
    type: 'string',
    value: 'FILE',
    description: 'a layout JSON; fields left out take the source layout',
    default: 'the source layout',
  },
}
