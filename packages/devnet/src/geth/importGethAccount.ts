import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Secret } from '@chainops/core'
import type { Hex } from 'viem'
import { runGethCommand } from './runGethCommand.ts'

export type ImportGethAccountParameters = {
  binary: string
  datadir: string
  privateKey: Secret<Hex>
  /** File holding the keystore password; the same file later unlocks the account. */
  passwordFile: string
}

/**
 * Puts a private key into the node's keystore with `geth account import`. The plain key sits in
 * a 0600 file only for the duration of the command. `--lightkdf` keeps import and unlock fast:
 * this is a throwaway devnet key, not a wallet.
 */
export async function importGethAccount(parameters: ImportGethAccountParameters): Promise<void> {
  const { binary, datadir, privateKey, passwordFile } = parameters
  const keyFile = join(datadir, '..', 'sealer.key')
  await writeFile(keyFile, privateKey.reveal().slice(2), { mode: 0o600 })
  try {
    await runGethCommand(
      binary,
      ['account', 'import', '--lightkdf', '--datadir', datadir, '--password', passwordFile, keyFile],
      'account import',
    )
  } finally {
    await rm(keyFile, { force: true })
  }
}
