import type { TrezorUiEvent } from './TrezorUiEvent.ts'

/** A listener of Connect's `UI_EVENT` channel. */
export type TrezorUiListener = (event: TrezorUiEvent) => void
