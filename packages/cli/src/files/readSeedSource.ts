import { bip39SeedSource, type SeedSource, slip39SeedSource } from '@chainops/treasury'
import { usageError } from '../errors/usageError.ts'
import type { CommandIo } from '../framework/Command.ts'
import { readSecretFile } from './readSecretFile.ts'

/**
 * The seed from `--mnemonic-file` (BIP-39, the words on one or more lines) or `--slip39-share-file`
 * (SLIP-39, one share a line): exactly one of them. The file text is wiped once the seed source
 * has checked and taken it.
 */
export function readSeedSource(values: Record<string, unknown>, io: CommandIo): SeedSource {
  const mnemonicFile = values['mnemonic-file']
  const shareFile = values['slip39-share-file']
  if ((typeof mnemonicFile === 'string') === (typeof shareFile === 'string')) {
    throw usageError('give exactly one of --mnemonic-file and --slip39-share-file')
  }
  if (typeof mnemonicFile === 'string') {
    const text = readSecretFile(mnemonicFile, 'mnemonic-file', io)
    try {
      return bip39SeedSource(text)
    } finally {
      text.wipe()
    }
  }
  const text = readSecretFile(shareFile as string, 'slip39-share-file', io)
  try {
    const shares = text
      .reveal()
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
    return slip39SeedSource(shares)
  } finally {
    text.wipe()
  }
}
