import type { Predeploy } from '@chainops/clique'
import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory'
import { getAddress, type Hex, parseTransaction, slice, type TransactionSerialized } from 'viem'
import { TestkitError } from '../errors/TestkitError.ts'

// The presigned deployment's init code: a 14-byte stub that copies the 0x45 bytes after it and
// returns them (PUSH1 0x45 DUP1 PUSH1 0x0e PUSH1 0 CODECOPY DUP1 PUSH1 0 RETURN STOP INVALID).
const COPY_AND_RETURN_STUB = '0x604580600e600039806000f350fe'

/**
 * The Safe singleton factory as a genesis predeploy (for `startGethClique({ predeploys })`): the
 * runtime part of the presigned Ethereum mainnet deployment that `@safe-global/safe-singleton-factory`
 * ships, at the same address. Chain 2789 has no presigned deployment, so the code goes into the
 * genesis with nonce 1, as if CREATE had put it there.
 */
export function safeFactoryPredeploy(): Predeploy {
  const info = getSingletonFactoryInfo(1)
  const initCode = info ? parseTransaction(info.transaction as TransactionSerialized).data : undefined
  if (!info || !initCode?.toLowerCase().startsWith(COPY_AND_RETURN_STUB)) {
    throw new TestkitError({
      code: 'TESTKIT_SAFE_DEPLOY_FAILED',
      shortMessage: 'the Safe singleton factory deployment in @safe-global/safe-singleton-factory is not as expected',
      details: 'no mainnet deployment, or its init code is not the copy-and-return stub',
    })
  }
  return {
    name: 'safe-singleton-factory',
    address: getAddress(info.address),
    code: slice(initCode, 14) as Hex,
    source: '@safe-global/safe-singleton-factory artifacts/1/deployment.json (runtime part of the init code)',
  }
}
