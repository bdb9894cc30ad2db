import { Secret } from '@chainops/core'
import { CliError } from '../../errors/CliError.ts'

// What arrived after the end of a line, for the next prompt: typed-ahead or pasted lines come in one chunk.
let pending = ''

/**
 * Reads one line from the terminal without echoing it (stdin in raw mode), as a `Secret`. Only
 * called when stdin is a TTY; the prompt goes to stderr so that stdout stays clean for `--json`.
 */
export function promptHidden(prompt: string): Promise<Secret<string>> {
  const stdin = process.stdin
  // Raw mode before the prompt shows: a key typed as soon as the prompt appears (Ctrl-C above all)
  // must reach us as a character, not as a signal from the terminal's line discipline.
  stdin.setRawMode(true)
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    const chars: string[] = []
    const finish = (error?: CliError) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      const text = chars.join('')
      chars.length = 0
      if (error) reject(error)
      else resolve(new Secret(text))
    }
    /** Takes characters until the end of a line; true when the line is complete. */
    const take = (text: string): boolean => {
      const all = [...text]
      for (const [i, char] of all.entries()) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          // A \r\n pair ends one line, not two.
          const rest = all.slice(i + 1).join('')
          pending = char === '\r' && rest.startsWith('\n') ? rest.slice(1) : rest
          finish()
          return true
        }
        if (char === '\u0003') {
          pending = ''
          finish(
            new CliError({ code: 'CLI_PROMPT_INTERRUPTED', shortMessage: 'interrupted (Ctrl-C): nothing entered' }),
          )
          return true
        }
        if (char === '\u007f' || char === '\b') chars.pop()
        else chars.push(char)
      }
      return false
    }
    const onData = (data: Buffer) => void take(data.toString('utf8'))
    const earlier = pending
    pending = ''
    if (earlier && take(earlier)) return
    stdin.resume()
    stdin.on('data', onData)
  })
}
