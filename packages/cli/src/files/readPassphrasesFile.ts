import { Secret } from '@chainops/core'
import { CliError } from '../errors/CliError.ts'
import type { CommandIo } from '../framework/Command.ts'
import { readSecretFile } from './readSecretFile.ts'

/**
 * `--passphrases-file F`: a JSON object from tier name to passphrase (`{"MasterAdminVault": "..."}`);
 * a tier left out opens with the empty passphrase. Without the option, every tier does. A parse
 * error never quotes the file (JSON.parse's message would).
 */
export function readPassphrasesFile(path: unknown, io: CommandIo): Record<string, Secret<string>> {
  if (typeof path !== 'string') return {}
  const text = readSecretFile(path, 'passphrases-file', io)
  let parsed: unknown
  try {
    parsed = JSON.parse(text.reveal())
  } catch {
    parsed = undefined
  } finally {
    text.wipe()
  }
  const invalid = (details: string) =>
    new CliError({
      code: 'CLI_FILE_INVALID',
      shortMessage: `the --passphrases-file ${path} is not a JSON object from tier name to passphrase`,
      details,
    })
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid('expected e.g. {"MasterAdminVault": "..."}')
  }
  const passphrases: Record<string, Secret<string>> = {}
  for (const [tier, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw invalid(`the value for tier ${JSON.stringify(tier)} is not a string`)
    passphrases[tier] = new Secret(value)
  }
  return passphrases
}
