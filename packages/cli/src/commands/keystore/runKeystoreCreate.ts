import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Secret } from '@chainops/core'
import { createKeystore, deriveValidatorKeys, type ValidatorKeys } from '@chainops/dvt'
import { CliError } from '../../errors/CliError.ts'
import { usageError } from '../../errors/usageError.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import { positiveIntegerFlag } from '../../flags/positiveIntegerFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { keystoreFileName } from './keystoreFileName.ts'
import { readSecretOption } from './readSecretOption.ts'

const MAX_COUNT = 1000

/** What `chainops keystore create` does once its flags are parsed; loaded only when that command runs. */
export async function runKeystoreCreate({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const index = integerFlag(values.index, 'index', 0, { max: 0xffffffff }) as number
  const count = positiveIntegerFlag(values.count, 'count', 1)
  if (count > MAX_COUNT) throw usageError(`--count is at most ${MAX_COUNT}, got "${count}"`)
  if (index + count - 1 > 0xffffffff) throw usageError('--index + --count - 1 must stay below 2^32')
  const kdf = values.kdf ?? 'scrypt'
  if (kdf !== 'scrypt' && kdf !== 'pbkdf2') throw usageError(`--kdf is scrypt or pbkdf2, got "${String(kdf)}"`)
  const dir = resolve(typeof values.out === 'string' ? values.out : '.')
  let mnemonic: Secret<string> | undefined
  let password: Secret<string> | undefined
  let passphrase: Secret<string> | undefined
  let keys: ValidatorKeys[] = []
  try {
    mnemonic = await readSecretOption(values, 'mnemonic-file', 'BIP-39 mnemonic: ', io)
    password = await readSecretOption(values, 'password-file', 'keystore password: ', io, 'repeat it: ')
    if (typeof values['passphrase-file'] === 'string') {
      passphrase = await readSecretOption(values, 'passphrase-file', '', io)
    }
    if (
      [
        ...password
          .reveal()
          .normalize('NFKD')
          .replace(/\p{Cc}/gu, ''),
      ].length < 8
    ) {
      throw usageError('the keystore password is at least 8 characters (after EIP-2335 normalisation)')
    }
    const indices = Array.from({ length: count }, (_, i) => index + i)
    keys = deriveValidatorKeys({ mnemonic, passphrase, indices })
    mnemonic.wipe()
    passphrase?.wipe()
    const timestamp = Math.floor(Date.now() / 1000)
    const files = keys.map((key) => join(dir, keystoreFileName(key.signingPath, timestamp)))
    // Every name checked before the first write: a clash writes nothing.
    for (const file of files) {
      if (existsSync(file)) {
        throw new CliError({ code: 'CLI_FILE_EXISTS', shortMessage: `${file} exists; keystores are never replaced` })
      }
    }
    mkdirSync(dir, { recursive: true })
    const written: { index: number; path: string; pubkey: string; uuid: string; file: string }[] = []
    for (const [n, key] of keys.entries()) {
      if (count > 1) io.progress(`keystore ${n + 1}/${count}: ${key.signingPath}`)
      const keystore = await createKeystore({
        secret: key.signingKey,
        password,
        path: key.signingPath,
        kdf,
        pubkey: key.publicKey,
      })
      key.signingKey.wipe()
      key.withdrawalKey.wipe()
      const file = files[n] as string
      // 0440 as the deposit CLI leaves its keystores.
      await writeOutputFile(file, JSON.stringify(keystore), { mode: 0o440 })
      written.push({ index: key.index, path: keystore.path, pubkey: keystore.pubkey, uuid: keystore.uuid, file })
    }
    io.out(
      values.json
        ? JSON.stringify(written, null, 2)
        : formatTable(
            ['INDEX', 'PATH', 'PUBKEY', 'FILE'],
            written.map((entry) => [String(entry.index), entry.path, entry.pubkey, entry.file]),
          ),
    )
    return 0
  } finally {
    mnemonic?.wipe()
    password?.wipe()
    passphrase?.wipe()
    for (const key of keys) {
      key.signingKey.wipe()
      key.withdrawalKey.wipe()
    }
  }
}
