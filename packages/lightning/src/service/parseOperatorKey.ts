import { Secret } from '@chainops/core'
import type { Hex } from 'viem'
import { LightningError } from '../errors/LightningError.ts'

export type ParseOperatorKeyParameters = {
  /** The key as read (a file's text, an SSM parameter's value); surrounding whitespace is dropped. */
  key: Secret<string>
  /** Where it was read from, for the error (`SSM parameter /x`, `the file k.hex`): never the value. */
  source: string
}

const PRIVATE_KEY = /^0x[0-9a-fA-F]{64}$/

/**
 * The operator key the minter signs with, checked once where it enters (0x and 64 hex digits). A
 * malformed key fails with `ISSUANCE_CONFIG_INVALID` naming its source, never showing its value.
 */
export function parseOperatorKey(parameters: ParseOperatorKeyParameters): Secret<Hex> {
  const key = parameters.key.reveal().trim()
  if (!PRIVATE_KEY.test(key))
    throw new LightningError({
      code: 'ISSUANCE_CONFIG_INVALID',
      shortMessage: 'The operator key is not a private key',
      details: `${parameters.source} must hold 0x and 64 hex digits`,
    })
  return new Secret(key as Hex)
}
