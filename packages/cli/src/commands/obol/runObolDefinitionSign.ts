import { obolOperatorAccount, parseClusterDefinition, signDefinition } from '@chainops/dvt'
import { type Hex, toHex } from 'viem'
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts'
import { usageError } from '../../errors/usageError.ts'
import { readLayoutOption } from '../../files/readLayoutOption.ts'
import { readPassphrasesFile } from '../../files/readPassphrasesFile.ts'
import { readSecretFile } from '../../files/readSecretFile.ts'
import { readSeedSource } from '../../files/readSeedSource.ts'
import { readTextFile } from '../../files/readTextFile.ts'
import { writeOutputFile } from '../../files/writeOutputFile.ts'
import { integerFlag } from '../../flags/integerFlag.ts'
import type { CommandInput, CommandIo } from '../../framework/Command.ts'
import { toJsonText } from '../../output/toJsonText.ts'

function signingAccount(values: Record<string, unknown>, io: CommandIo): PrivateKeyAccount {
  const keyFile = values['key-file']
  const seeded = typeof values['mnemonic-file'] === 'string' || typeof values['slip39-share-file'] === 'string'
  if ((typeof keyFile === 'string') === seeded)
    throw usageError('give exactly one of --key-file and --mnemonic-file (or --slip39-share-file)')
  if (typeof keyFile === 'string') {
    const text = readSecretFile(keyFile, 'key-file', io)
    try {
      const hex = text.reveal().trim()
      if (!/^(0x)?[0-9a-fA-F]{64}$/.test(hex))
        throw usageError(`--key-file ${keyFile} does not hold a 32-byte hex private key`)
      const bytes = Buffer.from(hex.replace(/^0x/, ''), 'hex')
      try {
        return privateKeyToAccount(toHex(bytes) as Hex)
      } finally {
        bytes.fill(0)
      }
    } finally {
      text.wipe()
    }
  }
  const cluster = integerFlag(values.cluster, 'cluster', undefined, { min: 1 })
  const operator = integerFlag(values.operator, 'operator', undefined, { min: 1 })
  if (cluster === undefined || operator === undefined)
    throw usageError('--cluster and --operator are required with --mnemonic-file')
  const layout = readLayoutOption(values.layout)
  const passphrases = readPassphrasesFile(values['passphrases-file'], io)
  const seed = readSeedSource(values, io)
  const passphrase = passphrases.DVTNodeKeys
  try {
    return obolOperatorAccount({ seed, cluster, operator, layout, passphrase: passphrase?.reveal() })
  } finally {
    for (const secret of Object.values(passphrases)) secret.wipe()
  }
}

/** What `chainops obol definition sign` does once its flags are parsed; loaded only when that command runs. */
export async function runObolDefinitionSign({ values, positionals, io }: CommandInput): Promise<number> {
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('FILE is required (the cluster definition to sign)')
  if (extra.length > 0) throw usageError(`unexpected argument "${extra[0]}"`)
  const role = values.role === undefined ? 'operator' : String(values.role)
  if (role !== 'operator' && role !== 'creator') throw usageError(`--role must be operator or creator, got "${role}"`)
  const enr = typeof values.enr === 'string' ? values.enr : undefined
  if (role === 'operator' && enr === undefined) throw usageError('--enr is required to sign as an operator')
  if (role === 'creator' && enr !== undefined) throw usageError('--enr is for --role operator only')
  const definition = parseClusterDefinition(readTextFile(file, 'cluster definition'))
  const account = signingAccount(values, io)
  const signed =
    role === 'creator'
      ? await signDefinition(definition, { role: 'creator', account })
      : await signDefinition(definition, { role: 'operator', account, enr: enr as string })
  const out = typeof values.out === 'string' ? values.out : file
  await writeOutputFile(out, `${JSON.stringify(signed, null, 2)}\n`, { force: true })
  const summary = {
    file: out,
    role,
    address: account.address,
    configHash: signed.config_hash,
    definitionHash: signed.definition_hash,
  }
  io.out(
    values.json
      ? toJsonText(summary)
      : `${out}: signed as ${role} ${account.address}\nconfig hash     ${signed.config_hash}\ndefinition hash ${signed.definition_hash}`,
  )
  return 0
}
