import { isSecret, Secret } from '@chainops/core'

// General category Cc is exactly C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F), as EIP-2335 strips them.
const CONTROL_CODES = /\p{Cc}/gu

/**
 * The EIP-2335 password bytes: NFKD-normalised, C0/C1 control codes and U+007F removed, UTF-8
 * encoded, in a `Secret` the caller wipes.
 */
export function normalizeKeystorePassword(password: string | Secret<string>): Secret<Uint8Array> {
  const text = isSecret(password) ? (password as Secret<string>).reveal() : (password as string)
  return new Secret(new TextEncoder().encode(text.normalize('NFKD').replace(CONTROL_CODES, '')))
}
