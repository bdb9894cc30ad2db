import { createPublicKey } from 'node:crypto'
import { encodeOperatorKey, type KeySharesOperator } from '@chainops/dvt'
import { usageError } from '../../errors/usageError.ts'
import { readTextFile } from '../../files/readTextFile.ts'

/**
 * An operator key file's text in the SSV form: SSV's base64 string as is; a PEM (the SSV
 * `RSA PUBLIC KEY` one, or a standard `PUBLIC KEY`) converted. The SDK then checks it is RSA-2048.
 */
function operatorKeyOf(text: string): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('-----BEGIN RSA PUBLIC KEY-----')) return Buffer.from(`${trimmed}\n`).toString('base64')
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    try {
      return encodeOperatorKey(createPublicKey(trimmed))
    } catch {
      return Buffer.from(trimmed).toString('base64')
    }
  }
  return trimmed
}

/** The cluster from `--operators ID:KEYFILE,...` or `--operators-file JSON` (exactly one of them). */
export function readOperatorsOption(values: Record<string, unknown>): KeySharesOperator[] {
  const list = values.operators
  const file = values['operators-file']
  if ((typeof list === 'string') === (typeof file === 'string'))
    throw usageError('give the operators with exactly one of --operators ID:KEYFILE,... or --operators-file FILE')
  if (typeof list === 'string')
    return list.split(',').map((entry) => {
      const match = /^\s*(\d+):(.+)$/.exec(entry)
      if (!match) throw usageError(`--operators entry "${entry}" is not ID:KEYFILE`)
      const id = Number(match[1])
      return { id, operatorKey: operatorKeyOf(readTextFile((match[2] as string).trim(), `operator ${id} key`)) }
    })
  let parsed: unknown
  try {
    parsed = JSON.parse(readTextFile(file as string, '--operators-file'))
  } catch (cause) {
    if (cause instanceof SyntaxError) throw usageError(`--operators-file ${String(file)} is not JSON`, { cause })
    throw cause
  }
  const entries = Array.isArray(parsed) ? parsed : (parsed as { operators?: unknown })?.operators
  if (!Array.isArray(entries))
    throw usageError('--operators-file must hold [{ "id": N, "operatorKey": "..." }, ...] (or { "operators": [...] })')
  return entries.map((entry: unknown, i) => {
    const { id, operatorKey, publicKey } = (entry ?? {}) as { id?: unknown; operatorKey?: unknown; publicKey?: unknown }
    const key = operatorKey ?? publicKey
    if (typeof id !== 'number' || typeof key !== 'string')
      throw usageError(`--operators-file entry ${i} needs a numeric "id" and a string "operatorKey"`)
    return { id, operatorKey: operatorKeyOf(key) }
  })
}
