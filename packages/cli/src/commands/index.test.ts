import assert from 'node:assert/strict'
import { CliError } from '../errors/CliError.ts'
import { formatCommandHelp } from '../framework/formatCommandHelp.ts'
import { commands } from './index.ts'

/** The lines of a command's --help that describe `--name` (the flag, then its description, maybe on the next line). */
function helpOf(help: string, name: string): string {
  const lines = help.split('\n')
  const at = lines.findIndex((line) => new RegExp(`^ {2}(-[a-z], | {4})--${name}( |$)`).test(line))
  assert.notEqual(at, -1, `--${name} is not in the help`)
  const next = lines[at + 1] ?? ''
  return /^ {4,}\S/.test(next) && !/^ {2}(-[a-z], | {4})--/.test(next)
    ? `${lines[at]} ${next.trim()}`
    : (lines[at] as string)
}

describe('every registered command', () => {
  it('is selected by its own words', () => {
    const paths = commands.map((command) => command.path.join(' '))
    assert.deepEqual(paths, [...new Set(paths)])
  })

  for (const command of commands) {
    const name = `chainops ${command.path.join(' ')}`
    describe(name, () => {
      it('has a summary and a usage line', () => {
        assert.ok(command.summary.trim(), 'summary')
        assert.ok(command.usage.startsWith(`${name}`), `usage starts with "${name}": ${command.usage}`)
      })

      // A string flag says what happens without it: a default, or (required). A boolean flag is off when
      // absent: it needs neither, and --help shows nothing after its description unless it names a default.
      it('describes every option in one line, and --help shows it with its default or (required)', () => {
        const help = formatCommandHelp(command)
        for (const [flag, option] of Object.entries(command.options ?? {})) {
          assert.equal(typeof option.description, 'string', `--${flag} has no description`)
          assert.ok(option.description.trim().length > 0, `--${flag} has an empty description`)
          assert.ok(!option.description.includes('\n'), `--${flag}: the description is more than one line`)
          assert.ok(option.description.length <= 100, `--${flag}: the description is over 100 characters`)
          if (option.default !== undefined) assert.ok(option.default.trim(), `--${flag}: an empty default`)
          const line = helpOf(help, flag)
          assert.ok(line.includes(option.description), `--${flag}: the help does not show its description`)
          if (option.default !== undefined) {
            assert.ok(line.includes(`(default: ${option.default})`), `--${flag}: the help does not show its default`)
          }
          assert.ok(!(option.required && option.default !== undefined), `--${flag}: both required and a default`)
          if (option.required) {
            assert.ok(line.endsWith(`${option.description} (required)`), `--${flag}: the help does not say (required)`)
          } else assert.ok(!line.includes('(required)'), `--${flag}: (required) in the text of an optional flag`)
          if (option.type === 'string') {
            assert.ok(option.value, `--${flag}: a string flag names its value`)
            assert.ok(
              option.required || option.default !== undefined,
              `--${flag}: neither required nor a default (say what happens when it is absent)`,
            )
          } else assert.ok(!option.required, `--${flag}: a boolean flag cannot be required`)
        }
        assert.match(helpOf(help, 'help'), /show this help/)
      })

      const required = Object.entries(command.options ?? {}).filter(([, option]) => option.required)
      if (required.length > 0) {
        // `required` is shown, not enforced by the parser: the command's own check refuses to run without it.
        it(`refuses to run without its required flags (${required.map(([flag]) => `--${flag}`).join(', ')}): exit 2`, async () => {
          const io = { out: () => {}, err: () => {}, progress: () => {} }
          await assert.rejects(
            command.run({ values: {}, positionals: [], io }),
            (error) => error instanceof CliError && error.code === 'CLI_USAGE' && error.exitCode === 2,
          )
        })
      }
    })
  }

  it('--help ends the line of a required flag with (required), in place of a default', () => {
    const command = commands.find((c) => c.path.join(' ') === 'deposit create')
    assert.ok(command)
    const help = formatCommandHelp(command)
    for (const flag of ['mnemonic-file', 'index', 'withdrawal-address', 'network'])
      assert.match(helpOf(help, flag), /\S \(required\)$/)
    assert.match(helpOf(help, 'count'), /\(default: 1\)$/)
    assert.doesNotMatch(helpOf(help, 'json'), /\((default|required)/)
  })

  it('plan supply --help gives each of its ten plan flags a description and the source plan default', () => {
    const command = commands.find((c) => c.path.join(' ') === 'plan supply')
    assert.ok(command)
    const help = formatCommandHelp(command)
    const defaults: [string, string][] = [
      ['cold-wallet', '30000000000'],
      ['emergency-wallets', '3'],
      ['emergency-wallet', '10000000'],
      ['operator-float', '30000000'],
      ['tps', '1000'],
      ['fee-per-tx', '0.01'],
      ['years', '100'],
      ['days-per-year', '360'],
      ['refill-days', '30'],
      ['loss-cap-percent', '1'],
    ]
    for (const [flag, value] of defaults)
      assert.match(helpOf(help, flag), new RegExp(`\\S.* \\(default: ${value.replace('.', '\\.')}\\)$`))
  })
})
