import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runInNewContext } from 'node:vm'
import { TreasuryError } from '../../errors/TreasuryError.ts'

const require = createRequire(import.meta.url)
const WORDS = 1024
let loaded: readonly string[] | undefined

/**
 * The SLIP-39 wordlist (1024 words): `WORD_LIST` of the `slip39` npm package
 * (`slip39/src/slip39_helper.js`, CommonJS). That file also adds enumerable methods to
 * `Array.prototype` and `String.prototype` as it loads, so it is evaluated once, on first use, in
 * a V8 context of its own: the program's prototypes stay untouched. The list is checked (1024
 * distinct words, each known by its first four letters, as the specification requires).
 */
export function slip39WordList(): readonly string[] {
  if (loaded) return loaded
  const file = require.resolve('slip39/src/slip39_helper.js')
  const module: { exports: { WORD_LIST?: unknown } } = { exports: {} }
  const factory = runInNewContext(
    `(function (exports, require, module) {\n${readFileSync(file, 'utf8')}\n})`,
    {},
    {
      filename: file,
    },
  ) as (exports: unknown, require: NodeJS.Require, module: unknown) => void
  factory(module.exports, require, module)
  const list = module.exports.WORD_LIST
  const words = Array.isArray(list) ? list.filter((word): word is string => typeof word === 'string') : []
  const prefixes = new Set(words.map((word) => word.slice(0, 4)))
  if (words.length !== WORDS || prefixes.size !== WORDS) {
    throw new TreasuryError({
      code: 'SLIP39_WORDLIST_INVALID',
      shortMessage: `the slip39 package's WORD_LIST is not the SLIP-39 wordlist`,
      details: `${file}: ${words.length} words, ${prefixes.size} distinct 4-letter prefixes, ${WORDS} expected`,
    })
  }
  loaded = Object.freeze([...words])
  return loaded
}
