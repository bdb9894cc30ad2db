import assert from 'node:assert/strict'
import { formatTable } from './formatTable.ts'

describe('formatTable', () => {
  it('pads every column but the last to its widest cell and rules the header', () => {
    assert.equal(
      formatTable(
        ['CODE', 'PATH', 'MESSAGE'],
        [
          ['SEALER_QUORUM', 'extraData', 'one down halts'],
          ['X', 'gasLimit', ''],
        ],
      ),
      [
        'CODE           PATH       MESSAGE',
        '-------------  ---------  --------------',
        'SEALER_QUORUM  extraData  one down halts',
        'X              gasLimit',
      ].join('\n'),
    )
  })
})
