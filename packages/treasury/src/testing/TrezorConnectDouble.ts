import { inspect } from 'node:util'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { HDKey } from '@scure/bip32'
import type { TrezorConnect } from '@trezor/connect'
import {
  type Hex,
  hashDomain,
  hashTypedData,
  hexToBigInt,
  keccak256,
  serializeTransaction,
  type TransactionSerializableEIP1559,
  type TransactionSerializableLegacy,
  type TypedDataDomain,
} from 'viem'
import { publicKeyToAddress } from '../derive/publicKeyToAddress.ts'
import type { SeedSource } from '../seeds/SeedSource.ts'
import type { TrezorConnectApi } from '../trezor/TrezorConnectApi.ts'
import type { TrezorUiListener } from '../trezor/TrezorUiListener.ts'
import type { TrezorConnectDoubleCall } from './TrezorConnectDoubleCall.ts'

const HARDENED = 0x80000000

type Failure = { success: false; payload: { error: string; code?: string } }
type DeviceParams = { device?: { instance?: number | undefined } | undefined; useEmptyPassphrase?: boolean | undefined }
type DerivationPath = string | number[]
type ConnectTransaction = {
  to: string | null
  value: string
  gasLimit: string
  nonce: string
  data?: string | undefined
  chainId: number
  gasPrice?: string | undefined
  maxFeePerGas?: string | undefined
  maxPriorityFeePerGas?: string | undefined
  accessList?: { address: string; storageKeys: string[] }[] | undefined
}

class CallFailure extends Error {
  readonly code: string
  constructor(error: string, code: string) {
    super(error)
    this.code = code
  }
}

function pathIndices(path: DerivationPath): number[] {
  if (Array.isArray(path)) {
    if (!path.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffffffff)) {
      throw new CallFailure('Parameter "path" has invalid type', 'Method_InvalidParameter')
    }
    return path
  }
  if (typeof path !== 'string' || !/^m(\/\d+['hH]?)+$/.test(path)) {
    throw new CallFailure('Not a valid path', 'Method_InvalidParameter')
  }
  return path
    .split('/')
    .slice(1)
    .map((part) => (/['hH]$/.test(part) ? Number.parseInt(part, 10) + HARDENED : Number.parseInt(part, 10)))
}

function serializedPath(indices: readonly number[]): string {
  return ['m', ...indices.map((n) => (n >= HARDENED ? `${n - HARDENED}'` : `${n}`))].join('/')
}

function hexQuantity(value: string | undefined, name: string): bigint {
  if (typeof value !== 'string' || !/^(0x)?[0-9a-fA-F]*$/.test(value)) {
    throw new CallFailure(`Parameter "${name}" has invalid type`, 'Method_InvalidParameter')
  }
  const digits = value.replace(/^0x/, '')
  return digits === '' ? 0n : hexToBigInt(`0x${digits}`)
}

const hex32 = (n: bigint) => n.toString(16).padStart(64, '0')

/**
 * A test double of TrezorConnect: `ethereumGetAddress` (single and bundle),
 * `ethereumSignTransaction` (legacy EIP-155 and EIP-1559) and `ethereumSignTypedData`
 * (MetaMask v4 encoding), with Connect's parameter and response shapes (`{ success: true,
 * payload }` / `{ success: false, payload: { error, code } }`). It holds software keys derived
 * as the firmware derives them: the backup's seed under the passphrase (BIP-39 PBKDF2 or
 * SLIP-39 decryption), then BIP-32 secp256k1, and signs deterministically (RFC 6979, low s)
 * as the firmware does, so its signatures equal the firmware's published fixtures.
 *
 * Passphrases follow Connect: the first call on a device instance (unless `useEmptyPassphrase`)
 * emits `UI_EVENT` `ui-request_passphrase` with `payload.device.instance` and waits for
 * `uiResponse({ type: 'ui-receive_passphrase', payload: { value } })`; the wallet stays open for
 * that instance; `cancel()` gives the wait up. Calls run one at a time, as on a device.
 *
 * Not covered: the non-v4 (`metamask_v4_compat: false`) array encoding, display confirmations.
 */
export class TrezorConnectDouble implements TrezorConnectApi {
  readonly calls: TrezorConnectDoubleCall[] = []
  #seed: SeedSource
  #listeners = new Set<TrezorUiListener>()
  #roots = new Map<number, HDKey>()
  #answer: { resolve: (value: string) => void; reject: (failure: CallFailure) => void } | undefined
  #queue: Promise<unknown> = Promise.resolve()

  constructor(parameters: { seed: SeedSource }) {
    this.#seed = parameters.seed
  }

  on(type: 'UI_EVENT', listener: TrezorUiListener): void {
    if (type === 'UI_EVENT') this.#listeners.add(listener)
  }

  off(type: 'UI_EVENT', listener: TrezorUiListener): void {
    if (type === 'UI_EVENT') this.#listeners.delete(listener)
  }

  uiResponse(response: { type: 'ui-receive_passphrase'; payload: { value: string } }): void {
    if (response.type !== 'ui-receive_passphrase' || !this.#answer) return
    const answer = this.#answer
    this.#answer = undefined
    answer.resolve(response.payload.value)
  }

  /**
   * Gives up the call waiting for a passphrase, as Connect's `cancel(error)` does: that call fails
   * with `Method_Cancel` and `error` as its message (`Method_Interrupted` without one).
   */
  cancel(error?: string): void {
    const answer = this.#answer
    if (!answer) return
    this.#answer = undefined
    answer.reject(
      error === undefined
        ? new CallFailure('Popup closed', 'Method_Interrupted')
        : new CallFailure(error, 'Method_Cancel'),
    )
  }

  /** Forgets every opened wallet and wipes the keys, like unplugging the device. */
  dispose(): void {
    for (const root of this.#roots.values()) root.wipePrivateData()
    this.#roots.clear()
  }

  ethereumGetAddress = ((
    params: DeviceParams &
      ({ path: DerivationPath; address?: string } | { bundle: { path: DerivationPath; address?: string }[] }),
  ) =>
    this.#run(
      'ethereumGetAddress',
      params,
      async (root) => {
        const items = 'bundle' in params ? params.bundle : [params]
        if (!Array.isArray(items))
          throw new CallFailure('Parameter "bundle" has invalid type', 'Method_InvalidParameter')
        const results = items.map((item) => {
          const indices = pathIndices(item.path)
          const address = publicKeyToAddress(root.derive(serializedPath(indices)).publicKey as Uint8Array)
          if (typeof item.address === 'string' && item.address.toLowerCase() !== address.toLowerCase()) {
            throw new CallFailure('Addresses do not match', 'Method_AddressNotMatch')
          }
          return { address, path: indices, serializedPath: serializedPath(indices) }
        })
        return 'bundle' in params ? results : results[0]
      },
      'bundle' in params ? params.bundle.map((b) => b.path) : [params.path],
    )) as unknown as TrezorConnect['ethereumGetAddress']

  ethereumSignTransaction = ((params: DeviceParams & { path: DerivationPath; transaction: ConnectTransaction }) =>
    this.#run(
      'ethereumSignTransaction',
      params,
      async (root) => {
        const key = root.derive(serializedPath(pathIndices(params.path)))
        const tx = params.transaction
        if (!tx || typeof tx !== 'object' || !Number.isSafeInteger(tx.chainId)) {
          throw new CallFailure('Parameter "transaction" has invalid type', 'Method_InvalidParameter')
        }
        const common = {
          chainId: tx.chainId,
          nonce: Number(hexQuantity(tx.nonce, 'nonce')),
          gas: hexQuantity(tx.gasLimit, 'gasLimit'),
          to: (tx.to ?? undefined) as Hex | undefined,
          value: hexQuantity(tx.value, 'value'),
          data: tx.data ? (`0x${tx.data.replace(/^0x/, '')}` as Hex) : undefined,
        }
        const eip1559 = tx.maxFeePerGas !== undefined
        const unsigned: TransactionSerializableLegacy | TransactionSerializableEIP1559 = eip1559
          ? {
              ...common,
              type: 'eip1559',
              maxFeePerGas: hexQuantity(tx.maxFeePerGas, 'maxFeePerGas'),
              maxPriorityFeePerGas: hexQuantity(tx.maxPriorityFeePerGas, 'maxPriorityFeePerGas'),
              accessList: (tx.accessList ?? []).map((entry) => ({
                address: entry.address as Hex,
                storageKeys: entry.storageKeys as Hex[],
              })),
            }
          : { ...common, type: 'legacy', gasPrice: hexQuantity(tx.gasPrice, 'gasPrice') }
        const digest = keccak256(serializeTransaction(unsigned), 'bytes')
        const signature = secp256k1.Signature.fromBytes(
          secp256k1.sign(digest, key.privateKey as Uint8Array, { prehash: false, format: 'recovered' }),
          'recovered',
        )
        key.wipePrivateData()
        const recovery = BigInt(signature.recovery as number)
        const r = `0x${hex32(signature.r)}` as Hex
        const s = `0x${hex32(signature.s)}` as Hex
        const serializedTx = eip1559
          ? serializeTransaction(unsigned, { r, s, yParity: Number(recovery) })
          : serializeTransaction(unsigned, { r, s, v: 27n + recovery })
        // Connect reports v as the device does: EIP-155 for legacy, the y parity for EIP-1559.
        const v = eip1559 ? recovery : recovery + 2n * BigInt(tx.chainId) + 35n
        return { v: `0x${v.toString(16)}`, r, s, serializedTx }
      },
      [params.path],
    )) as unknown as TrezorConnect['ethereumSignTransaction']

  ethereumSignTypedData = ((
    params: DeviceParams & {
      path: DerivationPath
      data: {
        types: Record<string, { name: string; type: string }[]>
        primaryType: string
        domain: TypedDataDomain
        message: Record<string, unknown>
      }
      metamask_v4_compat: boolean
      domain_separator_hash?: string
      message_hash?: string
    },
  ) =>
    this.#run(
      'ethereumSignTypedData',
      params,
      async (root) => {
        if (params.metamask_v4_compat !== true) {
          throw new CallFailure(
            'TrezorConnectDouble implements the MetaMask v4 encoding only',
            'Method_InvalidParameter',
          )
        }
        const { types, primaryType, domain, message } = params.data
        const digest = hashTypedData({ types, primaryType, domain, message } as Parameters<typeof hashTypedData>[0])
        if (params.domain_separator_hash !== undefined) {
          const separator = hashDomain({ domain, types } as Parameters<typeof hashDomain>[0])
          if (
            separator.replace(/^0x/, '').toLowerCase() !== params.domain_separator_hash.replace(/^0x/, '').toLowerCase()
          ) {
            throw new CallFailure('Domain separator hash does not match the data', 'Method_InvalidParameter')
          }
        }
        const key = root.derive(serializedPath(pathIndices(params.path)))
        const signature = secp256k1.Signature.fromBytes(
          secp256k1.sign(Buffer.from(digest.slice(2), 'hex'), key.privateKey as Uint8Array, {
            prehash: false,
            format: 'recovered',
          }),
          'recovered',
        )
        const address = publicKeyToAddress(key.publicKey as Uint8Array)
        key.wipePrivateData()
        const v = (27 + (signature.recovery as number)).toString(16)
        return { address, signature: `0x${hex32(signature.r)}${hex32(signature.s)}${v}` }
      },
      [params.path],
    )) as unknown as TrezorConnect['ethereumSignTypedData']

  toString(): string {
    return 'TrezorConnectDouble([redacted])'
  }

  toJSON(): string {
    return this.toString()
  }

  [inspect.custom](): string {
    return this.toString()
  }

  #run<T>(method: string, params: DeviceParams, work: (root: HDKey) => Promise<T>, paths: DerivationPath[]) {
    const call = async (): Promise<{ success: true; payload: T } | Failure> => {
      try {
        if (!params || typeof params !== 'object')
          throw new CallFailure('Parameters must be an object', 'Method_InvalidParameter')
        const instance = params.device?.instance ?? 0
        this.calls.push({
          method,
          instance,
          paths: paths.map((p) => (Array.isArray(p) ? serializedPath(p) : String(p))),
        })
        const root = await this.#open(instance, params.useEmptyPassphrase === true)
        return { success: true, payload: await work(root) }
      } catch (error) {
        if (error instanceof CallFailure) return { success: false, payload: { error: error.message, code: error.code } }
        return {
          success: false,
          payload: { error: error instanceof Error ? error.message : 'unknown error', code: 'Failure_DataError' },
        }
      }
    }
    const result = this.#queue.then(call, call)
    this.#queue = result
    return result
  }

  async #open(instance: number, emptyPassphrase: boolean): Promise<HDKey> {
    const open = this.#roots.get(instance)
    if (open) return open
    let passphrase = ''
    if (!emptyPassphrase) {
      if (this.#listeners.size === 0)
        throw new CallFailure('Passphrase requested but nobody listens to UI_EVENT', 'Method_Interrupted')
      passphrase = await new Promise<string>((resolve, reject) => {
        this.#answer = { resolve, reject }
        const event = { type: 'ui-request_passphrase', payload: { device: { instance, label: 'TrezorConnectDouble' } } }
        for (const listener of this.#listeners) listener(event)
      })
    }
    const seed = this.#seed.seed(passphrase)
    const root = HDKey.fromMasterSeed(seed.reveal())
    seed.wipe()
    this.#roots.set(instance, root)
    return root
  }
}
