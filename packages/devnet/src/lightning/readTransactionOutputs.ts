import { hex as hexCoder } from '@scure/base'
import { RawTx } from '@scure/btc-signer'
import { DevnetError } from '../DevnetError.ts'

/**
 * The outputs (value in sats, script hex) of a raw transaction, witness or not: a coinbase's
 * value read exactly, without going through btcd's BTC floats.
 */
export function readTransactionOutputs(hex: string): { sats: bigint; scriptHex: string }[] {
  let outputs: ReturnType<typeof RawTx.decode>['outputs']
  try {
    outputs = RawTx.decode(hexCoder.decode(hex)).outputs
  } catch (cause) {
    throw new DevnetError({
      code: 'DEVNET_STATE',
      shortMessage: 'btcd returned a raw transaction that does not parse',
      details: cause instanceof Error ? cause.message : String(cause),
      cause,
    })
  }
  return outputs.map((output) => ({ sats: output.amount, scriptHex: hexCoder.encode(output.script) }))
}
