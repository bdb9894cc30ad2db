import type { TrezorConnect } from '@trezor/connect'
import type { TrezorUiListener } from './TrezorUiListener.ts'

/**
 * The part of TrezorConnect the signer uses: the three Ethereum methods with Connect's own
 * parameter and response types, and the UI channel through which Connect asks for a passphrase
 * (`UI_EVENT` / `ui-request_passphrase`, answered with `uiResponse`, or given up with `cancel`).
 */
export type TrezorConnectApi = Pick<
  TrezorConnect,
  'ethereumGetAddress' | 'ethereumSignTransaction' | 'ethereumSignTypedData' | 'cancel'
> & {
  on(type: 'UI_EVENT', listener: TrezorUiListener): void
  off(type: 'UI_EVENT', listener: TrezorUiListener): void
  uiResponse(response: {
    type: 'ui-receive_passphrase'
    payload: { value: string; save?: boolean; passphraseOnDevice?: boolean }
  }): void
}
