import assert from 'node:assert/strict'
import { ChainopsError } from '@chainops/core'
import { usageError } from '../errors/usageError.ts'
import type { Command, CommandIo } from './Command.ts'
import { runCli } from './runCli.ts'

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = []
  const stderr: string[] = []
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress: (t) => stderr.push(t) }
}

const calls: unknown[] = []
const commands: Command[] = [
  {
    path: ['plan', 'sealers'],
    summary: 'plan sealers',
    usage: 'chainops plan sealers --tolerate N',
    options: {
      tolerate: { type: 'string', value: 'N', description: 'sealers that may be down', default: '1' },
      json: { type: 'boolean', description: 'print JSON' },
    },
    async run({ values, positionals, io }) {
      calls.push({ values: { ...values }, positionals })
      if (values.tolerate === 'bad') throw usageError('--tolerate must be a number')
      if (values.tolerate === 'fail') {
        throw new ChainopsError({ code: 'PLAN_IMPOSSIBLE', shortMessage: 'cannot plan', details: 'because' })
      }
      io.out(`tolerate=${values.tolerate}`)
      return 0
    },
  },
  { path: ['plan', 'supply'], summary: 'plan supply', usage: 'chainops plan supply', run: async () => 1 },
]

describe('runCli', () => {
  it('runs the command selected by its words and passes parsed flags and positionals', async () => {
    const io = capture()
    calls.length = 0
    assert.equal(await runCli(commands, ['plan', 'sealers', '--tolerate', '2', 'extra'], io), 0)
    assert.deepEqual(io.stdout, ['tolerate=2'])
    assert.deepEqual(calls, [{ values: { tolerate: '2' }, positionals: ['extra'] }])
  })

  it('applies no default itself: an absent flag reaches the command as undefined', async () => {
    calls.length = 0
    assert.equal(await runCli(commands, ['plan', 'sealers'], capture()), 0)
    assert.deepEqual(calls, [{ values: {}, positionals: [] }])
  })

  it('returns the command exit code (1 for findings)', async () => {
    assert.equal(await runCli(commands, ['plan', 'supply'], capture()), 1)
  })

  it('prints help for a command with --help and exits 0: every option with its description and default', async () => {
    const io = capture()
    assert.equal(await runCli(commands, ['plan', 'sealers', '--help'], io), 0)
    assert.deepEqual(io.stdout.join('\n').split('\n'), [
      'chainops plan sealers: plan sealers',
      '',
      'Usage: chainops plan sealers --tolerate N',
      '',
      'Options:',
      '      --tolerate N  sealers that may be down (default: 1)',
      '      --json        print JSON',
      '  -h, --help        show this help and exit',
    ])
  })

  it('lists a group on --help and exits 0', async () => {
    const io = capture()
    assert.equal(await runCli(commands, ['plan', '--help'], io), 0)
    assert.match(io.stdout.join('\n'), /plan sealers {2}plan sealers/)
    assert.match(io.stdout.join('\n'), /plan supply {3}plan supply/)
  })

  it('exits 2 on an unknown command, an unknown flag, a usage error and no command at all', async () => {
    let io = capture()
    assert.equal(await runCli(commands, ['plan', 'nothing'], io), 2)
    assert.match(io.stderr.join('\n'), /unknown command "plan nothing"/)
    io = capture()
    assert.equal(await runCli(commands, ['plan', 'sealers', '--nope'], io), 2)
    assert.match(io.stderr.join('\n'), /Unknown option '--nope'/)
    io = capture()
    assert.equal(await runCli(commands, ['plan', 'sealers', '--tolerate', 'bad'], io), 2)
    assert.match(
      io.stderr.join('\n'),
      /^chainops plan sealers: --tolerate must be a number\n\nchainops plan sealers: plan sealers/,
    )
    assert.equal(await runCli(commands, [], capture()), 2)
  })

  it('prints a ChainopsError as its message and exits 1', async () => {
    const io = capture()
    assert.equal(await runCli(commands, ['plan', 'sealers', '--tolerate', 'fail'], io), 1)
    assert.match(io.stderr.join('\n'), /cannot plan \[PLAN_IMPOSSIBLE\]/)
  })
})
