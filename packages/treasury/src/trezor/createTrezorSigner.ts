import { inspect } from 'node:util'
import type { Secret } from '@chainops/core'
import {
  type Address,
  getTypesForEIP712Domain,
  type Hex,
  hashDomain,
  hashStruct,
  isAddressEqual,
  recoverTransactionAddress,
  recoverTypedDataAddress,
  serializeTransaction,
  type TypedData,
  type TypedDataDefinition,
} from 'viem'
import { TreasuryError } from '../errors/TreasuryError.ts'
import { findLayoutRole } from '../layout/findLayoutRole.ts'
import type { Layout } from '../layout/Layout.ts'
import type { LayoutRole } from '../layout/LayoutRole.ts'
import type { TrezorConnectApi } from './TrezorConnectApi.ts'
import type { TrezorSigner } from './TrezorSigner.ts'
import type { TrezorUiEvent } from './TrezorUiEvent.ts'
import { toConnectTransaction } from './toConnectTransaction.ts'

export type CreateTrezorSignerParameters = {
  connect: TrezorConnectApi
  layout: Layout
  /**
   * The passphrase of a tier, asked when Connect opens that tier's wallet (once per device
   * instance). Typically prompts an operator; '' opens the standard wallet.
   */
  passphrase: (tier: string) => string | Secret<string> | Promise<string | Secret<string>>
}

type Unsuccessful = { success: false; payload: { error: string; code?: string | undefined } }

/**
 * A signer over TrezorConnect for the layout's keys. Each tier is opened as its own device
 * instance (`device: { instance }`), so Connect asks for that tier's passphrase once and keeps
 * the hidden wallets apart. Only paths the layout names are used (LAYOUT_PATH_OUTSIDE otherwise),
 * and every signature is checked to recover to the address the device reports for that path.
 */
export function createTrezorSigner(parameters: CreateTrezorSignerParameters): TrezorSigner {
  const { connect, layout } = parameters
  const instances = new Map(layout.tiers.map((tier, i) => [tier.name, i + 1]))
  const tierByInstance = new Map([...instances].map(([tier, instance]) => [instance, tier]))

  // Why a device instance's passphrase could not be given, kept until the call waiting on it fails.
  const passphraseFailures = new Map<number, unknown>()

  const onUiEvent = (event: TrezorUiEvent) => {
    if (event.type !== 'ui-request_passphrase') return
    const instance = event.payload?.device?.instance ?? -1
    const tier = tierByInstance.get(instance)
    // Another instance is someone else's: leave it to them.
    if (tier === undefined) return
    passphraseFailures.delete(instance)
    // Connect waits for an answer. When the callback throws or rejects, the request is cancelled
    // (never answered with '': that opens another wallet), so the call waiting on it fails and
    // its caller gets TREZOR_PASSPHRASE_FAILED with the callback's error as the cause.
    Promise.resolve()
      .then(() => parameters.passphrase(tier))
      .then((passphrase) => {
        const value = typeof passphrase === 'string' ? passphrase : passphrase.reveal()
        connect.uiResponse({ type: 'ui-receive_passphrase', payload: { value, save: true } })
      })
      .catch((cause: unknown) => {
        passphraseFailures.set(instance, cause)
        connect.cancel(`the passphrase of tier ${tier} could not be had`)
      })
      .catch(() => {
        // cancel() itself threw (Connect disposed): there is nobody left to tell.
      })
  }
  connect.on('UI_EVENT', onUiEvent)

  /** The payload of a Connect response, or the typed error of a failed call on `instance`. */
  const unwrap = <R extends { success: boolean; payload: unknown }>(
    method: string,
    instance: number,
    response: R,
  ): Extract<R, { success: true }>['payload'] => {
    const passphraseFailed = passphraseFailures.has(instance)
    const cause = passphraseFailures.get(instance)
    passphraseFailures.delete(instance)
    if (response.success) return response.payload as Extract<R, { success: true }>['payload']
    const { error, code } = (response as unknown as Unsuccessful).payload
    if (passphraseFailed) {
      throw new TreasuryError({
        code: 'TREZOR_PASSPHRASE_FAILED',
        shortMessage: `TrezorConnect.${method} was cancelled: the passphrase of tier ${tierByInstance.get(instance)} could not be had`,
        details: `the passphrase callback threw or rejected (see cause); Connect answered ${code ?? '(no code)'}`,
        cause,
      })
    }
    throw new TreasuryError({
      code: 'TREZOR_CALL_FAILED',
      shortMessage: `TrezorConnect.${method} failed: ${error}`,
      details: `code ${code ?? '(none)'}`,
    })
  }

  const instanceOf = (tier: string): number => {
    const instance = instances.get(tier)
    if (instance === undefined) {
      throw new TreasuryError({
        code: 'LAYOUT_TIER_UNKNOWN',
        shortMessage: `tier ${JSON.stringify(tier)} is not in the layout`,
      })
    }
    return instance
  }

  const addressCache = new Map<string, Address>()
  const addressOf = async (role: LayoutRole): Promise<Address> => {
    const key = `${role.tier}\n${role.path}`
    const cached = addressCache.get(key)
    if (cached) return cached
    const instance = instanceOf(role.tier)
    const response = await connect.ethereumGetAddress({ path: role.path, showOnTrezor: false, device: { instance } })
    const address = unwrap('ethereumGetAddress', instance, response).address as Address
    addressCache.set(key, address)
    return address
  }

  const signTransaction: TrezorSigner['signTransaction'] = async ({ tier, path, transaction }) => {
    const role = findLayoutRole(layout, tier, path)
    const address = await addressOf(role)
    const response = await connect.ethereumSignTransaction({
      path: role.path,
      transaction: toConnectTransaction(transaction),
      device: { instance: instanceOf(tier) },
    } as Parameters<TrezorConnectApi['ethereumSignTransaction']>[0])
    const { v, r, s } = unwrap('ethereumSignTransaction', instanceOf(tier), response)
    const vValue = BigInt(v)
    const serialized =
      transaction.type === 'legacy' || 'gasPrice' in transaction
        ? serializeTransaction(transaction, {
            r: r as Hex,
            s: s as Hex,
            // Connect gives the EIP-155 v (or 27/28, or 0/1 for chains it does not know): back to parity.
            v: vValue >= 35n ? 27n + ((vValue - 35n) % 2n) : vValue >= 27n ? vValue : 27n + vValue,
          })
        : serializeTransaction(transaction, { r: r as Hex, s: s as Hex, yParity: Number(vValue % 2n) })
    const recovered = await recoverTransactionAddress({ serializedTransaction: serialized as never })
    if (!isAddressEqual(recovered, address)) {
      throw new TreasuryError({
        code: 'TREZOR_SIGNATURE_MISMATCH',
        shortMessage: `the transaction signature recovers to ${recovered}, not to ${address} (${tier} ${path})`,
      })
    }
    return serialized
  }

  const signTypedData: TrezorSigner['signTypedData'] = async ({ tier, path, typedData }) => {
    const role = findLayoutRole(layout, tier, path)
    const address = await addressOf(role)
    const {
      domain = {},
      message,
      primaryType,
    } = typedData as TypedDataDefinition<TypedData, string> & {
      message?: Record<string, unknown>
    }
    const types = {
      EIP712Domain: getTypesForEIP712Domain({ domain }),
      ...(typedData.types as unknown as Record<string, { name: string; type: string }[]>),
    }
    // Models without an EIP-712 parser (Trezor One) sign these two hashes instead of the data.
    const domainSeparatorHash = hashDomain({ domain, types } as Parameters<typeof hashDomain>[0])
    const messageHash =
      primaryType === 'EIP712Domain'
        ? undefined
        : hashStruct({ data: message ?? {}, primaryType, types } as Parameters<typeof hashStruct>[0])
    const response = await connect.ethereumSignTypedData({
      path: role.path,
      data: { types, primaryType, domain, message: message ?? {} },
      metamask_v4_compat: true,
      domain_separator_hash: domainSeparatorHash,
      ...(messageHash ? { message_hash: messageHash } : {}),
      device: { instance: instanceOf(tier) },
    } as unknown as Parameters<TrezorConnectApi['ethereumSignTypedData']>[0])
    const { signature } = unwrap('ethereumSignTypedData', instanceOf(tier), response)
    const recovered = await recoverTypedDataAddress({ ...typedData, signature: signature as Hex } as Parameters<
      typeof recoverTypedDataAddress
    >[0])
    if (!isAddressEqual(recovered, address)) {
      throw new TreasuryError({
        code: 'TREZOR_SIGNATURE_MISMATCH',
        shortMessage: `the typed-data signature recovers to ${recovered}, not to ${address} (${tier} ${path})`,
      })
    }
    return signature as Hex
  }

  const signer: TrezorSigner = {
    instanceOf,
    async getAddresses(tier) {
      const found = layout.tiers.find((t) => t.name === tier)
      if (!found) instanceOf(tier)
      const roles = found?.roles ?? []
      const response = await connect.ethereumGetAddress({
        bundle: roles.map((role) => ({ path: role.path, showOnTrezor: false })),
        device: { instance: instanceOf(tier) },
      })
      const payload = unwrap('ethereumGetAddress', instanceOf(tier), response)
      return roles.map((role, i) => {
        const address = (payload[i] as { address: string }).address as Address
        addressCache.set(`${role.tier}\n${role.path}`, address)
        return { tier: role.tier, role: role.role, path: role.path, address }
      })
    },
    async account({ tier, path }) {
      const role = findLayoutRole(layout, tier, path)
      const address = await addressOf(role)
      return {
        tier,
        role: role.role,
        path: role.path,
        address,
        signTypedData: (typedData) => signTypedData({ tier, path, typedData }),
        signTransaction: (transaction) => signTransaction({ tier, path, transaction }),
      }
    },
    signTransaction,
    signTypedData,
    close: () => connect.off('UI_EVENT', onUiEvent),
  }
  return Object.assign(signer, {
    toString: () => 'TrezorSigner([redacted])',
    toJSON: () => 'TrezorSigner([redacted])',
    [inspect.custom]: () => 'TrezorSigner([redacted])',
  })
}
