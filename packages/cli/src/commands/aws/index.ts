import type { Command } from '../../framework/Command.ts'
import { awsSynthCommand } from './awsSynthCommand.ts'

/** aws commands: the production topology as CDK constructs (@chainops/aws-stack). */
export const awsCommands: Command[] = [awsSynthCommand]
