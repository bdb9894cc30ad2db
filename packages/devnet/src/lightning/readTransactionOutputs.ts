import { DevnetError } from '../DevnetError.ts'

/**
 * The outputs (value in sats, script hex) of a raw transaction, witness or not. Just enough
 * parsing to read a coinbase's value without going through btcd's BTC floats.
 */
export function readTransactionOutputs(hex: string): { sats: bigint; scriptHex: string }[] {
  const raw = Buffer.from(hex, 'hex')
  let at = 0
  const need = (n: number) => {
    if (at + n > raw.length)
      throw new DevnetError({ code: 'DEVNET_STATE', shortMessage: 'raw transaction is truncated' })
  }
  const varInt = (): number => {
    need(1)
    const first = raw[at++] as number
    if (first < 0xfd) return first
    const size = first === 0xfd ? 2 : first === 0xfe ? 4 : 8
    need(size)
    const value =
      size === 2 ? raw.readUInt16LE(at) : size === 4 ? raw.readUInt32LE(at) : Number(raw.readBigUInt64LE(at))
    at += size
    return value
  }
  at += 4 // version
  need(2)
  if (raw[at] === 0x00 && raw[at + 1] === 0x01) at += 2 // segwit marker and flag
  const inputs = varInt()
  for (let i = 0; i < inputs; i++) {
    at += 36
    const scriptLength = varInt()
    at += scriptLength + 4
  }
  const count = varInt()
  const outputs: { sats: bigint; scriptHex: string }[] = []
  for (let i = 0; i < count; i++) {
    need(8)
    const sats = raw.readBigUInt64LE(at)
    at += 8
    const scriptLength = varInt()
    need(scriptLength)
    outputs.push({ sats, scriptHex: raw.subarray(at, at + scriptLength).toString('hex') })
    at += scriptLength
  }
  return outputs
}
