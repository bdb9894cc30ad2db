import assert from 'node:assert/strict'
import { SqliteStore } from '@chainops/core'
import { afterEach, beforeEach, describe, it } from 'mocha'
import { advanceSettleCursor } from './advanceSettleCursor.ts'
import { readSettleCursor } from './readSettleCursor.ts'
import { readSettleCursorState } from './readSettleCursorState.ts'
import { CURSORS_TABLE, settleCursorKey } from './settleCursorKey.ts'

const NODE = `02${'11'.repeat(32)}`

describe('advanceSettleCursor / readSettleCursor', () => {
  let store: SqliteStore
  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' })
  })
  afterEach(() => store.close())

  it('reads 0 before the first settle, then what was written, under settle_index:<pubkey>', async () => {
    assert.equal(await readSettleCursor({ store, nodeKey: NODE }), 0n)
    assert.equal(await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 3n }), 3n)
    assert.equal(await readSettleCursor({ store, nodeKey: NODE }), 3n)
    assert.deepEqual((await store.get(CURSORS_TABLE, `settle_index:${NODE}`))?.value, { settleIndex: '3' })
    assert.equal(settleCursorKey(NODE), `settle_index:${NODE}`)
  })

  it('never moves back', async () => {
    await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 9n })
    assert.equal(await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 4n }), 9n)
    assert.equal(await readSettleCursor({ store, nodeKey: NODE }), 9n)
  })

  it('ends at the highest of concurrent advances', async () => {
    await Promise.all(
      [5n, 2n, 8n, 7n, 1n].map((settleIndex) => advanceSettleCursor({ store, nodeKey: NODE, settleIndex })),
    )
    assert.equal(await readSettleCursor({ store, nodeKey: NODE }), 8n)
  })

  it('refuses a malformed cursor record with SETTLE_INVALID_RECORD', async () => {
    await store.putIfAbsent(CURSORS_TABLE, settleCursorKey(NODE), { settleIndex: '-1' })
    await assert.rejects(readSettleCursor({ store, nodeKey: NODE }), { code: 'SETTLE_INVALID_RECORD' })
  })

  it('keeps lnd settle time with the cursor, and the earlier one when a later advance has none', async () => {
    assert.deepEqual(await readSettleCursorState({ store, nodeKey: NODE }), { settleIndex: 0n, settledAt: undefined })
    await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 2n, settledAt: '2026-01-01T00:00:00.000Z' })
    assert.deepEqual(await readSettleCursorState({ store, nodeKey: NODE }), {
      settleIndex: 2n,
      settledAt: '2026-01-01T00:00:00.000Z',
    })
    await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 3n })
    assert.deepEqual(await readSettleCursorState({ store, nodeKey: NODE }), {
      settleIndex: 3n,
      settledAt: '2026-01-01T00:00:00.000Z',
    })
    await advanceSettleCursor({ store, nodeKey: NODE, settleIndex: 4n, settledAt: '2026-01-02T00:00:00.000Z' })
    assert.equal((await readSettleCursorState({ store, nodeKey: NODE })).settledAt, '2026-01-02T00:00:00.000Z')
  })

  it('refuses a cursor record with a malformed settle time with SETTLE_INVALID_RECORD', async () => {
    await store.putIfAbsent(CURSORS_TABLE, settleCursorKey(NODE), { settleIndex: '1', settledAt: 'yesterday' })
    await assert.rejects(readSettleCursorState({ store, nodeKey: NODE }), { code: 'SETTLE_INVALID_RECORD' })
  })
})
