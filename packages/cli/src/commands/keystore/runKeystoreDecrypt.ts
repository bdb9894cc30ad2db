import { blsPublicKey, decryptKeystore, parseKeystore } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { keystoreDecryptProgress } from './keystoreDecryptProgress.ts'
import { readSecretOption } from './readSecretOption.ts'

/** What `chainops keystore decrypt` does once its flags are parsed; loaded only when that command runs. */
export async function runKeystoreDecrypt({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length !== 1) throw usageError('give exactly one keystore FILE')
  const file = positionals[0] as string
  const keystore = parseKeystore(readTextFile(file, 'keystore'))
  const password = await readSecretOption(values, 'password-file', 'keystore password: ', io)
  let pubkey: string
  try {
    io.progress(keystoreDecryptProgress(keystore))
    const secret = await decryptKeystore(keystore, password)
    try {
      pubkey = Buffer.from(blsPublicKey(secret)).toString('hex')
    } finally {
      secret.wipe()
    }
  } finally {
    password.wipe()
  }
  const result = {
    pubkey,
    path: keystore.path,
    uuid: keystore.uuid,
    kdf: keystore.crypto.kdf.function,
    description: keystore.description,
  }
  io.out(
    values.json
      ? JSON.stringify(result, null, 2)
      : formatTable(
          ['KEYSTORE', 'VALUE'],
          [
            ['password', 'correct'],
            ['pubkey', result.pubkey],
            ['path', result.path],
            ['uuid', result.uuid],
            ['kdf', result.kdf],
          ],
        ),
  )
  return 0
}
