import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { type Hex, keccak256, stringToHex } from 'viem'
import { EMPTY_TRIE_ROOT, type TrieEntry, trieRoot } from './trieRoot.ts'

// Known answers from ethereum/tests, read from ../shared/vectors beside the repository (its README
// names each file's repository, path and commit); the project carries no copy.
const vectors = new URL('../../../../../shared/vectors/ethereum-tests/', import.meta.url)
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, vectors), 'utf8')) as T
const toHex = (text: string): Hex => (text.startsWith('0x') ? (text as Hex) : stringToHex(text))

describe('trieRoot', () => {
  it('gives the empty-trie root for no entries and for only empty values', () => {
    assert.equal(trieRoot([]), EMPTY_TRIE_ROOT)
    assert.equal(EMPTY_TRIE_ROOT, keccak256('0x80'))
    assert.equal(trieRoot([{ key: '0x01', value: '0x' }]), EMPTY_TRIE_ROOT)
  })

  const trieTests = load<Record<string, { in: [string, string | null][]; root: Hex }>>('trietest.json')
  for (const [name, vector] of Object.entries(trieTests)) {
    it(`matches ethereum/tests trietest.json "${name}"`, () => {
      const entries: TrieEntry[] = vector.in.map(([key, value]) => ({
        key: toHex(key),
        value: value === null ? '0x' : toHex(value),
      }))
      assert.equal(trieRoot(entries), vector.root)
    })
  }

  const secure = load<Record<string, { data: [Hex, Hex][]; result: Hex }>>('securetrie.json')
  for (const [name, vector] of Object.entries(secure)) {
    it(`matches ethereum/tests hex_encoded_securetrie_test.json "${name}" (a state trie of 5 accounts)`, () => {
      assert.equal(trieRoot(vector.data.map(([key, value]) => ({ key: keccak256(key), value }))), vector.result)
    })
  }
})
