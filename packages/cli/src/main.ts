#!/usr/bin/env node
import { commands } from './commands/index.ts'
import { runCli } from './framework/runCli.ts'

process.exitCode = await runCli(commands, process.argv.slice(2))
