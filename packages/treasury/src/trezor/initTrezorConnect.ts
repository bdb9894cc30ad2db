import { TreasuryError } from '../errors/TreasuryError.ts'
import type { TrezorConnectApi } from './TrezorConnectApi.ts'
import { type TrezorConnectSettingsParameters, trezorConnectSettings } from './trezorConnectSettings.ts'

/**
 * Loads and initializes the real `@trezor/connect` for Node (USB, or the emulator with
 * `emulator: true`). Imported lazily: the package is large, and tests use `TrezorConnectDouble` from
 * `@chainops/treasury/testing` instead.
 */
export async function initTrezorConnect(parameters: TrezorConnectSettingsParameters): Promise<TrezorConnectApi> {
  const module = (await import('@trezor/connect')) as { default: unknown }
  // The CommonJS build puts the instance on `default.default` when imported from ESM.
  const outer = module.default as { default?: unknown }
  const connect = (outer.default ?? outer) as { init(settings: unknown): Promise<void> } & TrezorConnectApi
  try {
    await connect.init(trezorConnectSettings(parameters))
  } catch (cause) {
    throw new TreasuryError({ code: 'TREZOR_CALL_FAILED', shortMessage: 'TrezorConnect.init failed', cause })
  }
  return connect
}
