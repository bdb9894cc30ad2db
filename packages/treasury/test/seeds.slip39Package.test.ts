import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { slip39MasterSecret } from '../src/seeds/slip39/slip39MasterSecret.ts'

// Known answers are read from ../shared/vectors beside the repository (its README names each source).
const vectors = new URL('../../../../shared/vectors/', import.meta.url)
const slip39Vectors = JSON.parse(readFileSync(new URL('slip39/vectors.json', vectors), 'utf8')) as [
  string,
  string[],
  string,
  string,
][]
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

type OracleAnswer = {
  /** Per vector: the master secret the package recovers, or null where it refuses the shares. */
  recovered: (string | null)[]
  /** Shares the package made of `secret` under `passphrase`, one entry per backup configuration. */
  generated: { name: string; secret: string; passphrase: string; shares: string[] }[]
}

/**
 * Asks the `slip39` npm package (ilap/slip39-js, an implementation independent of ours) through
 * its own API, in a process of its own: the package adds methods to Array.prototype and
 * String.prototype as it loads, which this process must not inherit.
 */
function askSlip39Package(): OracleAnswer {
  const script = `
    const Slip39 = require(${JSON.stringify(createRequire(import.meta.url).resolve('slip39'))})
    const vectors = JSON.parse(require('node:fs').readFileSync(0, 'utf8'))
    const recovered = vectors.map(([, mnemonics]) => {
      try { return Buffer.from(Slip39.recoverSecret(mnemonics, 'TREZOR')).toString('hex') } catch { return null }
    })
    const secret = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
    const configurations = [
      ['1-of-1, extendable', { threshold: 1, groups: [[1, 1]], extendableBackupFlag: 1 }, ['r/0/0']],
      ['2-of-3 members, not extendable', { threshold: 1, groups: [[2, 3]], extendableBackupFlag: 0 }, ['r/0/2', 'r/0/0']],
      ['2 of 3 groups (1-of-1, 2-of-3, 3-of-5), iteration exponent 1',
        { threshold: 2, groups: [[1, 1], [2, 3], [3, 5]], iterationExponent: 1, extendableBackupFlag: 0 },
        ['r/2/4', 'r/0/0', 'r/2/1', 'r/2/0']],
    ]
    const generated = configurations.map(([name, options, paths]) => {
      const passphrase = 'pass phrase of ' + name
      // The package takes the master secret as an array of byte values (a Buffer is misread).
      const slip = Slip39.fromArray([...Buffer.from(secret, 'hex')], { passphrase, ...options })
      return { name, secret, passphrase, shares: paths.map((path) => slip.fromPath(path).mnemonics[0]) }
    })
    process.stdout.write(JSON.stringify({ recovered, generated }))
  `
  const output = execFileSync(process.execPath, ['--input-type=commonjs', '-e', script], {
    input: JSON.stringify(slip39Vectors),
    encoding: 'utf8',
  })
  return JSON.parse(output) as OracleAnswer
}

describe('SLIP-39 against the slip39 npm package as a second oracle', () => {
  const oracle = askSlip39Package()

  it('recovers the same master secret as the package from every valid vector, and refuses what it refuses', () => {
    assert.equal(oracle.recovered.length, slip39Vectors.length)
    slip39Vectors.forEach(([description, mnemonics, secretHex], i) => {
      let ours: string | null
      try {
        ours = hex(slip39MasterSecret(mnemonics, 'TREZOR').reveal())
      } catch {
        ours = null
      }
      assert.equal(ours, oracle.recovered[i], description)
      assert.equal(ours, secretHex === '' ? null : secretHex, description)
    })
  })

  it('recovers the master secret from shares the package generated (members, groups, extendable or not)', () => {
    assert.equal(oracle.generated.length, 3)
    for (const { name, secret, passphrase, shares } of oracle.generated) {
      assert.equal(hex(slip39MasterSecret(shares, passphrase).reveal()), secret, name)
      // Another passphrase opens another wallet: a different secret, never an error.
      assert.notEqual(hex(slip39MasterSecret(shares, `${passphrase}!`).reveal()), secret, name)
    }
  })
})
