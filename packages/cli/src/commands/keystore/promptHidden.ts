import { Secret } from '@chainops/core'

/**
 * Reads one line from the terminal without echoing it (stdin in raw mode), as a `Secret`. Only
 * called when stdin is a TTY; the prompt goes to stderr so that stdout stays clean for `--json`.
 */
export function promptHidden(prompt: string): Promise<Secret<string>> {
  const stdin = process.stdin
  process.stderr.write(prompt)
  return new Promise((resolve, reject) => {
    const chars: string[] = []
    const finish = (error?: Error) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      const text = chars.join('')
      chars.length = 0
      if (error) reject(error)
      else resolve(new Secret(text))
    }
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish()
        if (char === '\u0003') return finish(new Error('interrupted'))
        if (char === '\u007f' || char === '\b') chars.pop()
        else chars.push(char)
      }
    }
    stdin.setRawMode(true)
    stdin.resume()
    stdin.on('data', onData)
  })
}
