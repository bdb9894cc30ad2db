/** The `UI_EVENT` messages the signer reacts to; other types pass through untouched. */
export type TrezorUiEvent = { type: string; payload?: { device?: { instance?: number | undefined } } | undefined }
