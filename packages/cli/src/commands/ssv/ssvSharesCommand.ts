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
import type { Command } from '../../framework/Command.ts'
import { formatTable } from '../../output/formatTable.ts'
import { keystoreDecryptProgress } from '../keystore/keystoreDecryptProgress.ts'
import { readSecretOption } from '../keystore/readSecretOption.ts'
import { readOperatorsOption } from './readOperatorsOption.ts'

export const ssvSharesCommand: Command = {
  path: ['ssv', 'shares'],
  summary: 'split validator keys into SSV key shares for a cluster: a keyshares file as ssv-keys 1.1.0 writes it',
  usage:
    'chainops ssv shares --keystore FILE [--keystore FILE ...] --password-file F (--operators ID:KEYFILE,... | --operators-file JSON) --owner 0x... --nonce N [--out FILE] [--force] [--json]',
  options: {
    keystore: {
      type: 'string',
      multiple: true,
      value: 'FILE',
      description: 'an EIP-2335 validator keystore; repeat for several validators in one file (bulk)',
      required: true,
    },
    'password-file': {
      type: 'string',
      value: 'FILE',
      description: 'the keystores password (one for all), mode 600',
      default: 'a hidden prompt when stdin is a terminal',
    },
    operators: {
      type: 'string',
      value: 'ID:KEYFILE,...',
      description: 'the 4, 7, 10 or 13 operators: id and a file with its key (SSV base64 form or a PEM)',
      default: 'none: give it or --operators-file',
    },
    'operators-file': {
      type: 'string',
      value: 'FILE',
      description: 'the operators as JSON: [{ "id": N, "operatorKey": "<SSV base64 key>" }, ...]',
      default: 'none: give it or --operators',
    },
    owner: {
      type: 'string',
      value: '0x...',
      description: 'the account that will call registerValidator',
      required: true,
    },
    nonce: {
      type: 'string',
      value: 'N',
      description: "the owner's SSV nonce for the first validator (then N+1, N+2, ...)",
      required: true,
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'where the keyshares file goes',
      default: 'keyshares-<time>.json here',
    },
    force: { type: 'boolean', description: 'replace --out if it exists', default: 'refuse' },
    json: { type: 'boolean', description: 'print { file, ownerAddress, operatorIds, validators } as JSON' },
  },
  help: [
    'Each key is Shamir-split for the operators (threshold n-(n-1)/3), each share encrypted to its',
    "operator's RSA key, and the shares signed for --owner at --nonce (the owner's count of ValidatorAdded",
    'events; `chainops ssv nonce` reads it). The operators are checked before any keystore is decrypted.',
    'No secret is printed; the keyshares file holds only encrypted shares.',
  ].join('\n'),
  async run({ values, positionals, io }) {
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
  },
}
