import assert from 'node:assert/strict'
import { scrubText } from './scrubText.ts'

// BIP-39 test vector phrases (trezor/python-mnemonic vectors.json)
const phrase12 = 'legal winner thank year wave sausage worth useful legal winner thank yellow'
const phrase24 =
  'letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless'
const privateKey = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318'
const macaroon = `0201036c6e6402f801030a10${'ab12'.repeat(60)}`
// a 32-byte hash as viem prints a transaction hash
const txHash = `0x${'e3'.repeat(32)}`

describe('scrubText', () => {
  it('cuts a 12- or 24-word BIP-39 phrase out of text, keeping the rest', () => {
    assert.equal(scrubText(`restoring from ${phrase12}.`), 'restoring from [redacted].')
    assert.equal(scrubText(`m=${phrase24}; ok`), 'm=[redacted]; ok')
    assert.equal(scrubText(phrase12.replaceAll(' ', ',')), '[redacted]')
    assert.equal(scrubText(phrase24.toUpperCase()), '[redacted]')
  })

  it('leaves prose and fewer than 12 list words alone', () => {
    const prose = 'could not connect because the remote peer closed the stream while reading the header'
    assert.equal(scrubText(prose), prose)
    const eleven = phrase12.split(' ').slice(0, 11).join(' ')
    assert.equal(scrubText(eleven), eleven)
  })

  it('redacts a 32-byte hex key or a longer hex run, with or without 0x, wherever it stands', () => {
    const bare = privateKey.slice(2)
    assert.equal(scrubText(`key ${privateKey} macaroon ${macaroon}`), 'key [redacted] macaroon [redacted]')
    assert.equal(scrubText(privateKey), '[redacted]')
    assert.equal(scrubText(bare), '[redacted]')
    assert.equal(scrubText(`signer=${bare.toUpperCase()};`), 'signer=[redacted];')
    assert.equal(scrubText(`seed ${'ab'.repeat(64)}`), 'seed [redacted]')
  })

  it('keeps a hash a hash label introduces, and every hex run of a hash field', () => {
    for (const text of [
      `the mint transaction ${txHash} reverted in block 7`,
      `tx ${txHash}`,
      `txHash=${txHash}`,
      `payment hash: "${txHash.slice(2)}"`,
      `block 0x${'cd'.repeat(32)} is final`,
    ])
      assert.equal(scrubText(text), text)
    assert.equal(scrubText(`${txHash} then ${privateKey}`, { hashField: true }), `${txHash} then ${privateKey}`)
    // a hash label before one run does not keep the next
    assert.equal(scrubText(`tx ${txHash} signed by ${privateKey}`), `tx ${txHash} signed by [redacted]`)
    // shorter hex (addresses, 31 bytes) and hex inside a longer word stay
    for (const text of [
      'address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      `short ${'ab'.repeat(31)}`,
      `id-${'ab'.repeat(32)}x`,
    ])
      assert.equal(scrubText(text), text)
  })

  it('aggressive also redacts hashes, base64 tokens and phrase-shaped runs', () => {
    assert.equal(scrubText(`tx ${txHash}`, { aggressive: true }), 'tx [redacted]')
    assert.equal(scrubText(`mac ${'QUJD'.repeat(20)}`, { aggressive: true }), 'mac [redacted]')
    assert.equal(
      scrubText(
        'slip39 duckling enlarge academic academic agency result length solution fridge kidney coal piece deal husband erode duke ajar critical decision keyboard',
        {
          aggressive: true,
        },
      ),
      'slip39 [redacted]',
    )
    assert.equal(
      scrubText('address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', { aggressive: true }),
      'address 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    )
  })
})
