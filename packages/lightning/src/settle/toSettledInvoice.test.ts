import assert from 'node:assert/strict'
import { describe, it } from 'mocha'
import { buildMintJobMessage } from './buildMintJobMessage.ts'
import { toSettledInvoice } from './toSettledInvoice.ts'

describe('toSettledInvoice', () => {
  it('takes the hash, settle index and received msat (not the invoiced amount) of a settled invoice', () => {
    const invoice = {
      id: 'cd'.repeat(32),
      is_confirmed: true,
      confirmed_index: 12,
      confirmed_at: '2030-01-01T00:00:00.000Z',
      received_mtokens: '1500000',
      mtokens: '1000000',
    }
    assert.deepEqual(toSettledInvoice(invoice), {
      paymentHash: 'cd'.repeat(32),
      settleIndex: 12n,
      receivedMsat: 1_500_000n,
      settledAt: '2030-01-01T00:00:00.000Z',
    })
  })
  it('returns undefined for an open invoice (an add event)', () => {
    assert.equal(toSettledInvoice({ id: 'cd'.repeat(32), is_confirmed: false, received_mtokens: '0' }), undefined)
  })
})

describe('buildMintJobMessage', () => {
  it('is {v:1, paymentHash}, deduplicated by the hash, in the sender group', () => {
    assert.deepEqual(buildMintJobMessage({ paymentHash: 'ef'.repeat(32), sender: '0xabc' }), {
      body: `{"v":1,"paymentHash":"${'ef'.repeat(32)}"}`,
      dedupId: 'ef'.repeat(32),
      groupId: 'mint:0xabc',
    })
  })
})
