import assert from 'node:assert/strict'
import { isInstanceTypeName } from './isInstanceTypeName.ts'

describe('isInstanceTypeName', () => {
  for (const name of ['t2.xlarge', 't3.micro', 'm5.large', 'c6gn.16xlarge', 'm7i-flex.large', 'r5.metal'])
    it(`accepts ${name}`, () => assert.equal(isInstanceTypeName(name), true))
  // burstable2 is InstanceClass's long alias of t2, not a name EC2 knows
  for (const name of [
    't2',
    'xlarge',
    '.xlarge',
    't2.',
    't9.xlarge',
    't2.xxlarge',
    'burstable2.xlarge',
    'T2.XLARGE',
    't2.xlarge ',
  ])
    it(`refuses ${JSON.stringify(name)}`, () => assert.equal(isInstanceTypeName(name), false))
})
