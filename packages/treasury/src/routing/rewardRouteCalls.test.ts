import assert from 'node:assert/strict'
import { splitV2ABI } from '@0xsplits/splits-sdk/constants/abi'
import { decodeFunctionData, erc20Abi } from 'viem'
import { buildSplitV2Params } from '../splits/buildSplitV2Params.ts'
import { splitsNativeToken } from '../splits/splitsNativeToken.ts'
import { rewardRouteCalls } from './rewardRouteCalls.ts'

const split = '0x3333333333333333333333333333333333333333'
const token = '0x4444444444444444444444444444444444444444'
const keeper = '0x5555555555555555555555555555555555555555'
const params = buildSplitV2Params({
  recipients: [{ address: '0x1111111111111111111111111111111111111111', allocation: 1n }],
})

describe('rewardRouteCalls', () => {
  it('for ETH: sends the amount to the split, then distributes exactly that amount of the native token', () => {
    const [fund, distribute] = rewardRouteCalls({
      split: { address: split, params },
      amount: 1234n,
      distributor: keeper,
    })
    assert.deepEqual(fund, { to: split, value: 1234n, data: '0x' })
    assert.equal(distribute?.to, split)
    assert.equal(distribute?.value, 0n)
    const decoded = decodeFunctionData({ abi: splitV2ABI, data: distribute!.data })
    assert.equal(decoded.functionName, 'distribute')
    assert.deepEqual(decoded.args?.slice(1), [splitsNativeToken, 1234n, false, keeper])
  })

  it('for an ERC-20: transfers the amount to the split, then distributes exactly that amount of the token', () => {
    const [fund, distribute] = rewardRouteCalls({
      split: { address: split, params },
      token,
      amount: 99n,
      distributor: keeper,
    })
    assert.equal(fund?.to, token)
    assert.equal(fund?.value, 0n)
    assert.deepEqual(decodeFunctionData({ abi: erc20Abi, data: fund!.data }), {
      functionName: 'transfer',
      args: [split, 99n],
    })
    assert.deepEqual(decodeFunctionData({ abi: splitV2ABI, data: distribute!.data }).args?.slice(1), [
      token,
      99n,
      false,
      keeper,
    ])
  })
})
