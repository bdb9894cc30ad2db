import { commands } from '../../src/commands/index.ts'
import type { CommandIo } from '../../src/framework/Command.ts'
import { runCli } from '../../src/framework/runCli.ts'
import type { ChainopsResult } from './chainops.ts'

/** Runs the CLI's commands in this process with captured output (fast; no fresh process). */
export async function cli(args: string[]): Promise<ChainopsResult> {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CommandIo = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress: (t) => stderr.push(t) }
  const code = await runCli(commands, args, io)
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
}
