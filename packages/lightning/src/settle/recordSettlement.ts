import { isChainopsError, type Queue, Rational, type Store } from '@chainops/core'
import { LightningError } from '../errors/LightningError.ts'
import { INVOICES_TABLE, type InvoiceRecord, type InvoiceState } from '../invoices/InvoiceRecord.ts'
import { assignSendingKey } from './assignSendingKey.ts'
import { buildMintJobMessage } from './buildMintJobMessage.ts'
import type { SettledInvoice } from './SettledInvoice.ts'

export type RecordSettlementParameters = {
  store: Store
  queue: Queue
  /**
   * The sending keys' addresses (one, or K): a PENDING record becoming PAID is assigned one of them
   * (`assignSendingKey`), kept in the record; the queue group is `mint:<that sender>`.
   */
  sender: string | readonly string[]
  invoice: SettledInvoice
  now?: (() => Date) | undefined
}

export type RecordSettlementReturnType =
  /** Not an invoice of ours (keysend, another app): nothing written. */
  | { outcome: 'unknown' }
  /** PENDING -> PAID now; the mint job was sent (`enqueued` false when the queue dropped a duplicate). */
  | { outcome: 'paid'; enqueued: boolean; record: InvoiceRecord }
  /** Already PAID: the job was sent again, and the queue deduplicates it. */
  | { outcome: 'already_paid'; enqueued: boolean; record: InvoiceRecord }
  /** Already MINTED, or EXPIRED/CANCELED (lnd settles neither; reported, never minted). */
  | { outcome: 'closed'; state: InvoiceState; record: InvoiceRecord }

const MAX_ATTEMPTS = 10

/**
 * Records that lnd settled an invoice, idempotently: a PENDING record becomes PAID with what was
 * received (overpayment included) and the wei it mints, floor(receivedMsat * rate / 1000), then
 * the mint job is enqueued with the payment hash as dedup id, in the group of the sending key it is
 * assigned now and keeps (`sender`). A PAID record only gets its job sent again, to its kept key (a crash may have come between the write and the send). The caller advances the settle
 * cursor only after this resolves.
 */
export async function recordSettlement(parameters: RecordSettlementParameters): Promise<RecordSettlementReturnType> {
  const { store, queue, sender, invoice, now = () => new Date() } = parameters
  const senders = typeof sender === 'string' ? [sender] : sender
  if (senders.length === 0)
    throw new LightningError({
      code: 'SETTLE_INVALID_PARAMETERS',
      shortMessage: 'No sending key',
      details: 'sender: at least one sending key is needed (K = 0)',
    })
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = await store.get<InvoiceRecord>(INVOICES_TABLE, invoice.paymentHash)
    if (!stored) return { outcome: 'unknown' }
    const record = stored.value
    if (record.state === 'PAID') {
      // The key it was given when it became PAID, whatever the list is now.
      const assigned = record.sender ?? senders[0]
      const { enqueued } = await queue.send(
        buildMintJobMessage({ paymentHash: record.paymentHash, sender: assigned as string }),
      )
      return { outcome: 'already_paid', enqueued, record }
    }
    if (record.state !== 'PENDING') return { outcome: 'closed', state: record.state, record }
    const rate = parseRate(record)
    const paid: InvoiceRecord = {
      ...record,
      state: 'PAID',
      receivedMsat: invoice.receivedMsat.toString(),
      settleIndex: invoice.settleIndex.toString(),
      paidAt: invoice.settledAt ?? now().toISOString(),
      mintWei: new Rational(rate.numerator, rate.denominator * 1000n).applyFloor(invoice.receivedMsat).toString(),
      sender: assignSendingKey({ paymentHash: record.paymentHash, senders }),
    }
    try {
      await store.compareAndSet(INVOICES_TABLE, invoice.paymentHash, stored.version, paid)
    } catch (error) {
      if (isChainopsError(error, 'STORE_CONDITION_FAILED')) continue
      throw error
    }
    const { enqueued } = await queue.send(
      buildMintJobMessage({ paymentHash: paid.paymentHash, sender: paid.sender as string }),
    )
    return { outcome: 'paid', enqueued, record: paid }
  }
  throw new LightningError({
    code: 'SETTLE_RECORD_CONFLICT',
    shortMessage: 'The invoice record kept changing while it was marked paid',
    details: `payment hash ${invoice.paymentHash}: ${MAX_ATTEMPTS} conflicting writes`,
  })
}

function parseRate(record: InvoiceRecord): Rational {
  try {
    const rate = Rational.fromString(record.rate)
    if (rate.numerator > 0n) return rate
  } catch {}
  throw new LightningError({
    code: 'SETTLE_INVALID_RECORD',
    shortMessage: 'The invoice record has no valid rate',
    details: `payment hash ${record.paymentHash}`,
  })
}
