import type { Command } from '../../framework/Command.ts'
import { rpcProbeCommand } from './rpcProbeCommand.ts'

/** rpc commands: JSON-RPC endpoints measured from where they are used (@chainops/core). */
export const rpcCommands: Command[] = [rpcProbeCommand]
