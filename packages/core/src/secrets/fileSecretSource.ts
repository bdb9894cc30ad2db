import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { Secret } from './Secret.ts'
import { SecretError } from './SecretError.ts'
import type { SecretSource } from './SecretSource.ts'

export type FileSecretSourceParameters = {
  /** The directory holding one file per secret, named as the secret. */
  dir: string
}

const FILE_NAME = /^[A-Za-z0-9_.-]{1,255}$/

/**
 * Secrets from files, one per secret (`<dir>/<name>`), as Docker and systemd credentials lay them
 * out. A file with any group or world permission bit (mode & 0o077) is refused with
 * `SECRET_INSECURE_FILE`, as ssh refuses a key file others can read: `chmod 600` it. The mode is
 * checked on the opened file, so a swap between the check and the read cannot slip through. One
 * trailing newline (`\n` or `\r\n`) is dropped, since editors and `echo` add it.
 */
export function fileSecretSource(parameters: FileSecretSourceParameters): SecretSource {
  const { dir } = parameters
  return {
    async get(name) {
      if (typeof name !== 'string' || !FILE_NAME.test(name) || name === '.' || name === '..')
        throw new SecretError({
          code: 'SECRET_INVALID_NAME',
          shortMessage: 'Invalid secret name',
          details: 'a secret file name is 1 to 255 letters, digits, _ . - (no path separators)',
        })
      const path = join(dir, name)
      let handle: Awaited<ReturnType<typeof open>>
      try {
        handle = await open(path, constants.O_RDONLY)
      } catch (cause) {
        const code = (cause as { code?: unknown }).code
        if (code === 'ENOENT')
          throw new SecretError({
            code: 'SECRET_NOT_FOUND',
            shortMessage: 'Secret not found',
            details: `secret file ${path} does not exist`,
          })
        throw new SecretError({
          code: 'SECRET_UNAVAILABLE',
          shortMessage: 'Secret could not be read',
          details: `secret file ${path}: ${String(code ?? 'open failed')}`,
          cause,
        })
      }
      let bytes: Buffer | undefined
      try {
        const stat = await handle.stat()
        if (!stat.isFile())
          throw new SecretError({
            code: 'SECRET_UNAVAILABLE',
            shortMessage: 'Secret could not be read',
            details: `secret file ${path} is not a regular file`,
          })
        const mode = stat.mode & 0o777
        if ((mode & 0o077) !== 0)
          throw new SecretError({
            code: 'SECRET_INSECURE_FILE',
            shortMessage: 'Secret file is open to others',
            details: `secret file ${path} has mode 0${mode.toString(8)}: group and others must have no access (chmod 600)`,
          })
        bytes = await handle.readFile()
        let end = bytes.length
        if (end > 0 && bytes[end - 1] === 0x0a) end--
        if (end > 0 && bytes[end - 1] === 0x0d && end === bytes.length - 1) end--
        if (end === 0)
          throw new SecretError({
            code: 'SECRET_EMPTY',
            shortMessage: 'Secret is empty',
            details: `secret file ${path} is empty`,
          })
        return new Secret(bytes.toString('utf8', 0, end))
      } finally {
        bytes?.fill(0)
        await handle.close()
      }
    },
  }
}
