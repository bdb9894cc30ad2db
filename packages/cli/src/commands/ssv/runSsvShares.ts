import { existsSync } from 'node:fs'
import type { Secret } from '@chainops/core'
import { assertCluster, buildKeyShares, decryptKeystore, parseKeystore } from '@chainops/dvt'
import { CliError } from '../../errors/CliError.ts'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { addressArgument } from '../../flags/addressArgument.ts'
import { requiredIntegerFlag } from '../../flags/requiredIntegerFlag.ts'
import { requiredStringFlag } from '../../flags/requiredStringFlag.ts'
import type { CommandInput } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { keystoreDecryptProgress } from '../keystore/keystoreDecryptProgress.ts'
import { readSecretOption } from '../keystore/readSecretOption.ts'
import { readOperatorsOption } from './readOperatorsOption.ts'

/** What `chainops ssv shares` does once its flags are parsed; loaded only when that command runs. */
export async function runSsvShares({ values, positionals, io }: CommandInput): Promise<number> {
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`)
  const keystoreFiles = (values.keystore as string[] | undefined) ?? []
  if (keystoreFiles.length === 0) throw usageError('--keystore is required (once per validator)')
  const ownerAddress = addressArgument(requiredStringFlag(values, 'owner'), '--owner')
  const ownerNonce = requiredIntegerFlag(values.nonce, 'nonce', { min: 0 })
  const { operators } = assertCluster(readOperatorsOption(values))
  const keystores = keystoreFiles.map((file) => parseKeystore(readTextFile(file, 'keystore')))
  const out = typeof values.out === 'string' ? values.out : `keyshares-${Date.now()}.json`
  // Refused before the password is asked and any keystore decrypted (seconds each), not after.
  if (values.force !== true && existsSync(out)) {
    throw new CliError({
      code: 'CLI_FILE_EXISTS',
      shortMessage: `${out} exists (pass --force to replace it)`,
      details: 'checked before any keystore is decrypted',
    })
  }
  const password = await readSecretOption(values, 'password-file', 'keystore password: ', io)
  const secrets: Secret<Uint8Array>[] = []
  let text: string
  let file: ReturnType<typeof buildKeyShares>
  try {
    for (const [i, keystore] of keystores.entries()) {
      if (keystores.length > 1) io.progress(`decrypting keystore ${i + 1}/${keystores.length} (${keystoreFiles[i]})`)
      else io.progress(keystoreDecryptProgress(keystore, 'ssv shares'))
      secrets.push(await decryptKeystore(keystore, password))
    }
    file = buildKeyShares({
      validators: secrets.map((secret) => ({ secret })),
      operators,
      ownerAddress,
      ownerNonce,
      onProgress: keystores.length > 1 ? (done, total) => io.progress(`split ${done}/${total}`) : undefined,
    })
    text = `${JSON.stringify(file, null, 2)}\n`
  } finally {
    password.wipe()
    for (const secret of secrets) secret.wipe()
  }
  await writeOutputFile(out, text, { force: values.force === true })
  const summary = {
    file: out,
    ownerAddress,
    operatorIds: operators.map((operator) => operator.id),
    validators: file.shares.map((item) => ({ publicKey: item.payload.publicKey, ownerNonce: item.data.ownerNonce })),
  }
  io.out(
    values.json
      ? JSON.stringify(summary, null, 2)
      : `${formatTable(
          ['VALIDATOR', 'NONCE'],
          summary.validators.map((validator) => [validator.publicKey, String(validator.ownerNonce)]),
        )}\n\nwrote ${out}: ${summary.validators.length} validator(s) for operators ${summary.operatorIds.join(', ')}, owner ${ownerAddress}`,
  )
  return 0
}
