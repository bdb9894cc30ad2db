import { getSingletonFactoryInfo } from '@safe-global/safe-singleton-factory'
import {
  getAddress,
  getContractAddress,
  isAddressEqual,
  parseTransaction,
  recoverTransactionAddress,
  size,
  slice,
  type TransactionSerialized,
} from 'viem'
import { SafeError } from './SafeError.ts'
import type { SafeSingletonFactory } from './SafeSingletonFactory.ts'

/** The chain whose presigned transaction we read the code from: Ethereum mainnet. */
const SOURCE_CHAIN_ID = 1

/**
 * `PUSH1 0x45 DUP1 PUSH1 0x0e PUSH1 0 CODECOPY DUP1 PUSH1 0 RETURN STOP INVALID`: copies the 0x45
 * bytes that follow these 14 and returns them as the runtime code.
 */
const INIT_PREFIX = '0x604580600e600039806000f350fe'
const RUNTIME_OFFSET = 14
const RUNTIME_LENGTH = 0x45

function invalid(details: string): never {
  throw new SafeError({
    code: 'SAFE_FACTORY_DATA_INVALID',
    shortMessage: 'the Safe singleton factory deployment data does not check out',
    details,
  })
}

/**
 * Reads the Safe singleton factory from `@safe-global/safe-singleton-factory`: the presigned
 * transaction the Safe team broadcast on Ethereum mainnet (`artifacts/1/deployment.json`). Chain
 * 2789 has no presigned transaction (the package lists chains the Safe team funded), so a private
 * chain places the same runtime code at the same address instead; this function proves the code
 * is the real one before anyone places it:
 *
 * - the transaction's signature recovers to the package's `signerAddress`;
 * - it is that key's first transaction (nonce 0), a contract creation, and CREATE from the key at
 *   nonce 0 is the package's `address`;
 * - its data is the 14-byte copy-and-return stub followed by exactly the 0x45 bytes it returns.
 */
export async function loadSafeSingletonFactory(): Promise<SafeSingletonFactory> {
  const info = getSingletonFactoryInfo(SOURCE_CHAIN_ID)
  if (!info) invalid(`the package has no deployment for chain ${SOURCE_CHAIN_ID}`)
  const serializedTransaction = info.transaction as TransactionSerialized
  const transaction = parseTransaction(serializedTransaction)
  const signer = await recoverTransactionAddress({ serializedTransaction })
  const deployer = getAddress(info.signerAddress)
  const address = getAddress(info.address)
  if (!isAddressEqual(signer, deployer)) invalid(`the transaction is signed by ${signer}, not ${deployer}`)
  if (transaction.chainId !== SOURCE_CHAIN_ID) invalid(`the transaction is for chain ${transaction.chainId}`)
  if ((transaction.nonce ?? 0) !== 0) invalid(`the transaction has nonce ${transaction.nonce}, not 0`)
  if (transaction.to) invalid(`the transaction calls ${transaction.to} instead of creating a contract`)
  const created = getContractAddress({ from: deployer, nonce: 0n })
  if (!isAddressEqual(created, address)) invalid(`CREATE from ${deployer} at nonce 0 gives ${created}, not ${address}`)
  const initCode = transaction.data
  if (!initCode?.toLowerCase().startsWith(INIT_PREFIX)) invalid('the init code is not the copy-and-return stub')
  if (size(initCode) !== RUNTIME_OFFSET + RUNTIME_LENGTH) {
    invalid(`the init code is ${size(initCode)} bytes, expected ${RUNTIME_OFFSET + RUNTIME_LENGTH}`)
  }
  return {
    address,
    deployer,
    initCode,
    runtimeCode: slice(initCode, RUNTIME_OFFSET),
    source: `@safe-global/safe-singleton-factory artifacts/${SOURCE_CHAIN_ID}/deployment.json (the presigned mainnet deployment transaction, runtime part of its init code)`,
  }
}
