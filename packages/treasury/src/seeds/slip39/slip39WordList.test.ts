import assert from 'node:assert/strict'
import { slip39WordList } from './slip39WordList.ts'

describe('slip39WordList', () => {
  it("is the slip39 package's 1024 sorted words, from academic to zero, each known by 4 letters", () => {
    const words = slip39WordList()
    assert.equal(words.length, 1024)
    assert.equal(words[0], 'academic')
    assert.equal(words[1023], 'zero')
    assert.deepEqual([...words].sort(), words)
    assert.equal(new Set(words.map((word) => word.slice(0, 4))).size, 1024)
    assert.ok(Object.isFrozen(words))
    assert.equal(slip39WordList(), words)
  })

  it("leaves this program's Array and String prototypes as they were", () => {
    slip39WordList()
    assert.equal('toHexString' in [], false)
    assert.equal('slip39Generate' in [], false)
    assert.equal('slip39EncodeHex' in String.prototype, false)
    assert.deepEqual(
      Object.keys(Array.prototype).filter((key) => key !== 'length'),
      [],
    )
  })
})
