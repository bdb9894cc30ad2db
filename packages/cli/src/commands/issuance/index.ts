import type { Command } from '../../framework/Command.ts'
import { floatCommand } from './floatCommand.ts'
import { invoiceCreateCommand } from './invoiceCreateCommand.ts'
import { invoiceStatusCommand } from './invoiceStatusCommand.ts'
import { serveCommand } from './serveCommand.ts'

/** serve, invoice and float commands: Lightning invoice to mint (@chainops/lightning). */
export const issuanceCommands: Command[] = [serveCommand, invoiceCreateCommand, invoiceStatusCommand, floatCommand]
