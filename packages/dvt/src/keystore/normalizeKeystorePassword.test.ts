import assert from 'node:assert/strict'
import { normalizeKeystorePassword } from './normalizeKeystorePassword.ts'

const text = (password: string): string => new TextDecoder().decode(normalizeKeystorePassword(password).reveal())

describe('normalizeKeystorePassword', () => {
  it("NFKD-normalises: the EIP-2335 vectors' password becomes testpassword🔑", () => {
    assert.equal(text('𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑'), 'testpassword🔑')
    assert.equal(text('ﬁ'), 'fi')
    assert.equal(text('é'), 'e\u0301')
  })
  it('strips C0 (U+0000-U+001F), U+007F and C1 (U+0080-U+009F) control codes, nothing else', () => {
    assert.equal(text('a\u0000b\u001fc\u007fd\u0080e\u009ff\n\r\t'), 'abcdef')
    assert.equal(text('a\u00a0b \u2028c'), 'a b \u2028c')
  })
})
