import { createHash } from 'node:crypto'
import { regtestFaucet } from './regtestFaucet.ts'

export type FaucetInput = { txid: string; vout: number }
export type FaucetOutput = { script: Uint8Array; sats: bigint }

function varInt(n: number): Buffer {
  if (n < 0xfd) return Buffer.from([n])
  const b = Buffer.alloc(3)
  b[0] = 0xfd
  b.writeUInt16LE(n, 1)
  return b
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32LE(n)
  return b
}

/**
 * A version-2, non-witness transaction spending faucet outputs (no signatures: see
 * `regtestFaucet`) to the given outputs. The fee is whatever the inputs leave over; the caller
 * computes it. Returns the raw hex for `sendrawtransaction` and the txid (display byte order).
 */
export function buildFaucetTransaction(parameters: {
  inputs: readonly FaucetInput[]
  outputs: readonly FaucetOutput[]
}): {
  hex: string
  txid: string
} {
  const { spendScript } = regtestFaucet()
  const parts: Buffer[] = [u32(2), varInt(parameters.inputs.length)]
  for (const input of parameters.inputs) {
    parts.push(
      Buffer.from(input.txid, 'hex').reverse(),
      u32(input.vout),
      varInt(spendScript.length),
      Buffer.from(spendScript),
    )
    parts.push(u32(0xffffffff))
  }
  parts.push(varInt(parameters.outputs.length))
  for (const output of parameters.outputs) {
    const value = Buffer.alloc(8)
    value.writeBigUInt64LE(output.sats)
    parts.push(value, varInt(output.script.length), Buffer.from(output.script))
  }
  parts.push(u32(0))
  const raw = Buffer.concat(parts)
  const once = createHash('sha256').update(raw).digest()
  const txid = createHash('sha256').update(once).digest().reverse().toString('hex')
  return { hex: raw.toString('hex'), txid }
}
