import type { Secret } from '@chainops/core'

/** Passphrase per tier name; a tier left out uses the empty passphrase (the standard wallet). */
export type TierPassphrases = Readonly<Record<string, string | Secret<string>>>
