import {
  bip39SeedSource,
  createTrezorSigner,
  type Layout,
  type TrezorSafeOwnerSigner,
  trezorSafeOwnerSigner,
} from '@chainops/treasury'
import { TrezorConnectDouble } from '@chainops/treasury/testing'
import { usageError } from '../errors/usageError.ts'
import { readPassphrasesFile } from '../files/readPassphrasesFile.ts'
import { readSecretFile } from '../files/readSecretFile.ts'
import type { CommandIo } from '../framework/Command.ts'

export type TrezorDoubleOwner = { signer: TrezorSafeOwnerSigner; close(): void }

/**
 * A Safe owner on the Trezor signer over TrezorConnectDouble (a software device holding the
 * mnemonic of `--trezor-double-mnemonic-file`): for local chains and rehearsals of the signing
 * ceremony. The tier's passphrase comes from `--passphrases-file`, as the operator would type it.
 */
export async function trezorDoubleOwnerSigner(
  values: Record<string, unknown>,
  layout: Layout,
  io: CommandIo,
): Promise<TrezorDoubleOwner> {
  const { tier, path } = values
  if (typeof tier !== 'string' || typeof path !== 'string') {
    throw usageError(
      "--trezor-double-mnemonic-file needs --tier T and --path P (e.g. --tier MasterAdminVault --path \"m/44'/60'/0'/0/0\")",
    )
  }
  const text = readSecretFile(values['trezor-double-mnemonic-file'] as string, 'trezor-double-mnemonic-file', io)
  let seed: ReturnType<typeof bip39SeedSource>
  try {
    seed = bip39SeedSource(text)
  } finally {
    text.wipe()
  }
  const passphrases = readPassphrasesFile(values['passphrases-file'], io)
  const device = new TrezorConnectDouble({ seed })
  const trezor = createTrezorSigner({ connect: device, layout, passphrase: (name) => passphrases[name] ?? '' })
  const close = () => {
    trezor.close()
    device.dispose()
    seed.wipe()
    for (const passphrase of Object.values(passphrases)) passphrase.wipe()
  }
  try {
    return { signer: await trezorSafeOwnerSigner(trezor, { tier, path }), close }
  } catch (error) {
    close()
    throw error
  }
}
