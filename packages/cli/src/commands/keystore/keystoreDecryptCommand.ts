import { blsPublicKey, decryptKeystore, parseKeystore } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { keystoreDecryptProgress } from './keystoreDecryptProgress.ts'
import { readSecretOption } from './readSecretOption.ts'

export const keystoreDecryptCommand: Command = {
  path: ['keystore', 'decrypt'],
  summary: 'check an EIP-2335 keystore password: decrypt, then print pubkey, path and uuid (never the secret)',
  usage: 'chainops keystore decrypt FILE --password-file FILE [--json]',
  options: {
    'password-file': {
      type: 'string',
      value: 'FILE',
      description: 'the keystore password, mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    json: { type: 'boolean', description: 'print { pubkey, path, uuid, kdf, description } as JSON' },
  },
  help: [
    'Exit 0 when the password opens the keystore and the secret is the key of its pubkey; exit 1 with',
    'KEYSTORE_WRONG_PASSWORD (or another KEYSTORE_ code) otherwise. The secret key is wiped, never printed.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
